# SPDX-License-Identifier: MIT
# Intune Remediations, detection script: run as SYSTEM, in 64-bit PowerShell,
# no signature check needed. Exit 0: healthy, nothing to do; exit 1: the
# remediation runs. Its one line of output is the device's "pre-remediation
# detection output" column (Intune keeps 2,048 characters; check -q fits).
$wufix = Join-Path $env:ProgramFiles 'wufix\wufix.exe'
if (-not (Test-Path -LiteralPath $wufix)) { Write-Output "wufix is not installed at $wufix"; exit 1 }
$line = (& $wufix check -q 2>&1 | Out-String).Trim()
$code = $LASTEXITCODE
Write-Output "$line (wufix exit code $code)"
# 0 healthy; 1 problems found; anything else could not check (it says why):
# the remediation's repair runs and reports its own exit code either way.
if ($code -eq 0) { exit 0 } else { exit 1 }
