# SPDX-License-Identifier: MIT
# ConfigMgr configuration item, remediation script (64-bit, as SYSTEM): the
# repair, logged beside the client's logs for CMTrace. ConfigMgr runs the
# discovery script again afterwards to judge compliance; a restart pending
# (3010) is left to the client's restart settings.
$wufix = Join-Path $env:ProgramFiles 'wufix\wufix.exe'
$logs = Join-Path $env:SystemRoot 'CCM\Logs'
& $wufix repair --yes --quiet --log (Join-Path $logs 'wufix.log')
if ($LASTEXITCODE -eq 0 -or $LASTEXITCODE -eq 3010) { exit 0 } else { exit $LASTEXITCODE }
