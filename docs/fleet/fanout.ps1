# SPDX-License-Identifier: MIT
# The same fan-out as fanout.cmd with PowerShell 7 remoting instead of
# --computer: wufix must be installed on every machine and WinRM must answer,
# but each machine checks itself in full (its registry and files too) and
# keeps its own journal.
param([string]$List = "$PSScriptRoot\machines.txt", [int]$ThrottleLimit = 16)
$machines = Get-Content -LiteralPath $List | ForEach-Object { ($_ -split '#')[0].Trim() } | Where-Object { $_ }
$results = $machines | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
    try {
        $r = Invoke-Command -ComputerName $_ -ErrorAction Stop -ScriptBlock {
            $json = & (Join-Path $env:ProgramFiles 'wufix\wufix.exe') restart --json
            [pscustomobject]@{ Json = ($json -join ''); Code = $LASTEXITCODE }
        }
        $r.Json
    } catch {
        # Not reached: say so in the same shape as wufix's own line for it.
        [pscustomobject]@{ command = 'restart'; computer = $_.TargetObject; exit_code = 8; error = "$_" } |
            ConvertTo-Json -Compress
    }
}
$results | Set-Content -LiteralPath "$PSScriptRoot\results.jsonl"
