# SPDX-License-Identifier: MIT
# Intune Remediations, remediation script: run as SYSTEM, in 64-bit PowerShell.
# The log lands where "Collect diagnostics" picks up the Intune management
# extension's logs, in CMTrace's format.
$wufix = Join-Path $env:ProgramFiles 'wufix\wufix.exe'
$log = Join-Path $env:ProgramData 'Microsoft\IntuneManagementExtension\Logs\wufix.log'
$line = (& $wufix repair --yes --quiet --log $log 2>&1 | Out-String).Trim()
$code = $LASTEXITCODE
Write-Output "$line (wufix exit code $code)"
# 3010: repaired, Windows wants a restart: a success here (Intune schedules
# no restart for a remediation; the output says it is pending).
if ($code -eq 0 -or $code -eq 3010) { exit 0 } else { exit $code }
