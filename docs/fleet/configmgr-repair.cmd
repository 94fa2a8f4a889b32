@echo off
rem SPDX-License-Identifier: MIT
rem ConfigMgr: the program of a package, or the install command of an
rem application's script deployment type; it runs as SYSTEM, 64-bit.
rem wufix's exit codes, as ConfigMgr reads them: 0 success, 3010 success
rem with a restart pending (a soft reboot), and 6 (another wufix is
rem running) as 1618, which ConfigMgr retries later. Every other code is a
rem failure whose number says which (docs/exit-codes.md).
setlocal
if not defined WUFIX set "WUFIX=%~dp0wufix.exe"
rem CMTrace reads the log; beside the client's own logs when there is a client.
set "LOGDIR=%SystemRoot%\CCM\Logs"
if not exist "%LOGDIR%\" set "LOGDIR=%SystemRoot%\Logs"
if not exist "%LOGDIR%\" mkdir "%LOGDIR%"
"%WUFIX%" repair --yes --quiet --log "%LOGDIR%\wufix.log"
set RC=%ERRORLEVEL%
set CM=%RC%
if %RC% EQU 6 set CM=1618
echo wufix exit code %RC%; ConfigMgr exit code %CM%
exit /b %CM%
