# SPDX-License-Identifier: MIT
# ConfigMgr configuration item, discovery script (data type String, 64-bit,
# as SYSTEM). Compliance rule: the value returned equals "healthy"; allow
# remediation, with configmgr-ci-remediation.ps1 as the remediation script.
$wufix = Join-Path $env:ProgramFiles 'wufix\wufix.exe'
$line = (& $wufix check -q 2>&1 | Out-String).Trim()
# check -q says "healthy" alone on a healthy machine; anything else is the
# problems line (or why it could not check), which the compliance report shows.
if ($LASTEXITCODE -eq 0 -and $line -eq 'healthy') { 'healthy' } else { "$line (wufix exit code $LASTEXITCODE)" }
