@echo off
rem SPDX-License-Identifier: MIT
rem A helpdesk script: restart the update services, branch on wufix's exit code.
if not defined WUFIX set WUFIX=%~dp0wufix.exe
"%WUFIX%" restart --quiet
if %ERRORLEVEL% EQU 0 goto ok
if %ERRORLEVEL% EQU 5 goto blocked
if %ERRORLEVEL% EQU 4 goto failed
echo RESULT=other %ERRORLEVEL%
exit /b %ERRORLEVEL%
:ok
echo RESULT=ok
exit /b 0
:blocked
echo RESULT=blocked
exit /b 5
:failed
echo RESULT=failed
exit /b 4
