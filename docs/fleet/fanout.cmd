@echo off
rem SPDX-License-Identifier: MIT
rem Helpdesk fan-out: restart the update services on every machine of a list
rem (a name per line, # for comments), 16 at a time, from one desk. One JSON
rem line per machine goes to the results file; the exit code is the worst of
rem the machines' by wufix's precedence (2, 7, 8, 3, 5, 4, 6, 1, 3010, 0).
rem   fanout.cmd [LIST] [RESULTS]
setlocal
if not defined WUFIX set "WUFIX=%~dp0wufix.exe"
set "LIST=%~1"
if "%LIST%"=="" set "LIST=%~dp0machines.txt"
set "RESULTS=%~2"
if "%RESULTS%"=="" set "RESULTS=%~dp0results.jsonl"
"%WUFIX%" restart --computer "@%LIST%" --parallel 16 --connect-timeout 10 --json >"%RESULTS%"
set RC=%ERRORLEVEL%
if %RC% EQU 0 goto ok
if %RC% EQU 3010 goto reboot
if %RC% EQU 8 goto unreached
if %RC% EQU 3 goto denied
echo FLEET=exit code %RC%, each machine's line in %RESULTS%
exit /b %RC%
:ok
echo FLEET=ok
exit /b 0
:reboot
echo FLEET=ok, a restart of Windows is pending on some
exit /b 3010
:unreached
echo FLEET=some machines could not be reached, each machine's line in %RESULTS%
exit /b 8
:denied
echo FLEET=access denied on some machines, each machine's line in %RESULTS%
exit /b 3
