# SPDX-License-Identifier: MIT
# ConfigMgr "Run Scripts": run on a collection from the console, results per
# device in the script's output. The JSON object (one line) is the output;
# the exit code is wufix's, which the console shows beside it.
param([ValidateSet('check', 'repair', 'restart')][string]$Command = 'check')
$wufix = Join-Path $env:ProgramFiles 'wufix\wufix.exe'
$arguments = @($Command, '--json')
if ($Command -ne 'check') { $arguments += '--yes' }
& $wufix @arguments
exit $LASTEXITCODE
