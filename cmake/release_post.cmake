# SPDX-License-Identifier: MIT
# After CPack made the zip: the zip's extra fields normalized (the times
# and owner a file system adds; cmake/zip_normalize.py), then SHA256SUMS (sha256sum's format) and the package
# manifests from the zip's hash: winget's three files (portable, the command
# wufix) and Scoop's, next to the zip in the package folder.
find_program(WF_PYTHON3 python3 REQUIRED)
foreach(zip ${CPACK_PACKAGE_FILES})
  execute_process(COMMAND ${WF_PYTHON3} ${CPACK_WF_SOURCE_DIR}/cmake/zip_normalize.py ${zip} RESULT_VARIABLE r)
  if(NOT r EQUAL 0)
    message(FATAL_ERROR "release: cannot normalize ${zip}")
  endif()
  set(dir ${CPACK_PACKAGE_DIRECTORY}) # where CPack puts the zip (it is made elsewhere first)
  get_filename_component(name ${zip} NAME)
  file(SHA256 ${zip} hash)
  string(TOUPPER ${hash} HASH)
  set(version ${CPACK_PACKAGE_VERSION})
  set(url "${CPACK_WF_RELEASE_BASE}/releases/download/v${version}/${name}")
  file(WRITE ${dir}/SHA256SUMS "${hash}  ${name}\n")

  set(id "wufix.wufix")
  set(w ${dir}/winget/manifests/w/wufix/wufix/${version})
  file(MAKE_DIRECTORY ${w})
  set(head "# Created from ${name} by wufix's release (cmake/release_post.cmake).\n")
  file(WRITE ${w}/${id}.yaml "${head}PackageIdentifier: ${id}
PackageVersion: ${version}
DefaultLocale: en-US
ManifestType: version
ManifestVersion: 1.9.0
")
  file(WRITE ${w}/${id}.installer.yaml "${head}PackageIdentifier: ${id}
PackageVersion: ${version}
InstallerType: zip
NestedInstallerType: portable
NestedInstallerFiles:
  - RelativeFilePath: wufix.exe
    PortableCommandAlias: wufix
Commands:
  - wufix
MinimumOSVersion: 10.0.14393.0
Installers:
  - Architecture: x64
    InstallerUrl: ${url}
    InstallerSha256: ${HASH}
ManifestType: installer
ManifestVersion: 1.9.0
")
  file(WRITE ${w}/${id}.locale.en-US.yaml "${head}PackageIdentifier: ${id}
PackageVersion: ${version}
PackageLocale: en-US
Publisher: The wufix developers
PackageName: wufix
PackageUrl: ${CPACK_WF_RELEASE_BASE}
License: MIT
LicenseUrl: ${CPACK_WF_RELEASE_BASE}/blob/main/LICENSE
ShortDescription: Windows Update service health and repair from one command.
Description: Restarts the Windows Update services in dependency order, checks and repairs their configuration, and puts everything back if anything fails.
Tags:
  - windows-update
  - repair
  - services
ManifestType: defaultLocale
ManifestVersion: 1.9.0
")
  file(WRITE ${dir}/scoop/wufix.json "{
    \"version\": \"${version}\",
    \"description\": \"Windows Update service health and repair from one command.\",
    \"homepage\": \"${CPACK_WF_RELEASE_BASE}\",
    \"license\": \"MIT\",
    \"architecture\": {
        \"64bit\": {
            \"url\": \"${url}\",
            \"hash\": \"${hash}\"
        }
    },
    \"bin\": \"wufix.exe\",
    \"checkver\": {
        \"github\": \"${CPACK_WF_RELEASE_BASE}\"
    },
    \"autoupdate\": {
        \"architecture\": {
            \"64bit\": {
                \"url\": \"${CPACK_WF_RELEASE_BASE}/releases/download/v\$version/wufix-\$version-win64.zip\",
                \"hash\": {
                    \"url\": \"\$baseurl/SHA256SUMS\",
                    \"regex\": \"\$sha256\\\\s+\$basename\"
                }
            }
        }
    }
}
")
  message(STATUS "release: ${name} ${hash}; SHA256SUMS, winget and Scoop manifests in ${dir}")
endforeach()
