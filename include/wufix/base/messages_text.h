/* SPDX-License-Identifier: MIT */
/* messages_text.h - made by cmake/prose.py from messages.inc: do not edit;
 * build the target `prose` instead. Each sentence as a literal, for the
 * native builds (prose.h, WF_PROSE_LITERALS), and where it begins in the
 * text prose_z.c unpacks to, for the exe. */
#ifndef WUFIX_MESSAGES_TEXT_H
#define WUFIX_MESSAGES_TEXT_H

/* clang-format off */
#define WF_MT_M_LOG_TIME_S_000_000 "]LOG]!><time=\"%s.000+000\" date=\"%s-%s-%s\" component=\"wufix\" context=\"\" type=\"%d\" thread=\"%u\" file=\"wufix\">\015\n"
#define WF_MT_M_SETUP_API_SETUPAPI_OR_COMPONENT "setup API (SETUPAPI) or component servicing (CBS)"
#define WF_MT_M_PHASE_U_S_OPERATION_0X "phase %u (%s), operation 0x%02X (%s)"
#define WF_MT_M_WUFIX_OUT_OF_MEMORY_WHILE "wufix: out of memory while writing the report\n"
#define WF_MT_M_AN_ENTRY_OF_AN_UNKNOWN "an entry of an unknown type"
#define WF_MT_M_00000000_0000_0000_0000_000000000000 "{00000000-0000-0000-0000-000000000000}"
#define WF_MT_M_USAGE_WUFIX_S_S_S "usage: wufix %s%s%s [OPTIONS]   ('wufix help %s' lists its options)"
#define WF_MT_M_S_S_IS_NOT_A "%s: %s is not a whole number%s from %u to %u"
#define WF_MT_M_COMPUTER_AN_EMPTY_MACHINE_NAME "--computer: an empty machine name (%s)"
#define WF_MT_M_COMPUTER_THE_MACHINE_NAME_S "--computer: the machine name %s is longer than 253 characters"
#define WF_MT_M_COMPUTER_S_IS_NOT_A "--computer: %s is not a machine name (it starts with '%c')"
#define WF_MT_M_COMPUTER_S_IS_NOT_A_2 "--computer: %s is not a machine name (letters, digits, '-', '.' and '_' only; IPv6 addresses are not taken)"
#define WF_MT_M_COMPUTER_NEEDS_A_MACHINE_NAME "--computer needs a machine name, a comma list or @FILE ('' given)"
#define WF_MT_M_COMPUTER_GIVEN_MORE_THAN_U "--computer: given more than %u times (at %s); use @FILE for long lists"
#define WF_MT_M_COMPUTER_NEEDS_A_FILE_NAME "--computer: '@' needs a file name after it"
#define WF_MT_M_SERVICE_AN_EMPTY_NAME_IN "--service: an empty name in the list %s"
#define WF_MT_M_SERVICE_THE_SERVICE_NAME_IS "--service: the service name is empty ('')"
#define WF_MT_M_SERVICE_THE_SERVICE_NAME_S "--service: the service name %s is longer than 256 characters"
#define WF_MT_M_SERVICE_S_IS_NOT_A "--service: %s is not a service name (it holds a backslash, a slash or a control character)"
#define WF_MT_M_SERVICE_UNKNOWN_SERVICE_S_WUFIX "--service: unknown service %s (wufix knows wuauserv, UsoSvc, BITS, CryptSvc, DoSvc, WaaSMedicSvc, TrustedInstaller)"
#define WF_MT_M_SERVICE_GIVEN_MORE_THAN_U "--service: given more than %u times (at %s)"
#define WF_MT_M_OUTPUT_NEEDS_A_FILE_NAME "--output needs a file name ('' given)"
#define WF_MT_M_LOG_NEEDS_A_FILE_NAME "--log needs a file name ('' given)"
#define WF_MT_M_SUNKNOWN_COMMAND_S_DID_YOU "%sunknown command %s; did you mean '%s'?"
#define WF_MT_M_OPTION_S_TAKES_NO_VALUE "option '--%s' takes no value (given %s)"
#define WF_MT_M_OPTION_S_NEEDS_A_VALUE "option %s needs a value (%s)"
#define WF_MT_M_OPTION_S_DOES_NOT_APPLY "option '--%s' does not apply to '%s'%s"
#define WF_MT_M_IT_WORKS_ON_THIS_MACHINE ": it works on this machine only (--computer is for status, check, stop, start, restart and repair)"
#define WF_MT_M_OPTION_S_NEEDS_COMPUTER "option '--%s' needs --computer"
#define WF_MT_M_USE_EITHER_SERVICE_OR_ALL "use either --service or --all, not both"
#define WF_MT_M_SERVICE_S_IS_REPORTED_ONLY "--service: '%s' is reported only; wufix does not %s it"
#define WF_MT_M_USE_EITHER_JSON_OR_QUIET "use either --json or --quiet, not both"
#define WF_MT_M_BRIEF_NEEDS_JSON_CHECK_JSON "--brief needs --json (check --json --brief)"
#define WF_MT_M_BRIEF_WORKS_ON_THIS_MACHINE "--brief works on this machine only (not with --computer)"
#define WF_MT_M_LIST_ONLY_LISTS_IN_WORDS "--list only lists (in words); use it without --%s"
#define WF_MT_M_USAGE_WUFIX_S_S_S_2 "usage: wufix %s%s%s [OPTIONS]"
#define WF_MT_M_CHANGES_SERVICES_NEEDS_ADMINISTRATOR_RIGHTS "Changes services: needs administrator rights."
#define WF_MT_M_NUSAGE_WUFIX_COMMAND_OPTIONS_N "\nusage: wufix [COMMAND] [OPTIONS]\n\n"
#define WF_MT_M_COMMANDS_IN_THE_ORDER_THEY "Commands, in the order they are used, with examples:"
#define WF_MT_M_WITH_NO_COMMAND_STATUS_DOUBLE "With no command: status; double-clicked, a guided check and repair. Commands may be typed in any case."
#define WF_MT_M_SERVICES_WUAUSERV_AND_USOSVC_BY "Services: wuauserv and UsoSvc by default; --all adds BITS, CryptSvc and DoSvc."
#define WF_MT_M_STATUS_ALSO_REPORTS_WAASMEDICSVC_AND "status also reports WaaSMedicSvc and TrustedInstaller (read only)."
#define WF_MT_M_EXIT_CODES_0_SUCCESS_CHECK "Exit codes: 0 success (check: healthy), 1 check found problems (repair, reset: errors remain that repair cannot fix), 2 usage error, 3 administrator rights needed, 4 a service failed to reach its state or timed out (what could be put back was), 5 a service is missing, disabled or marked for deletion, 6 busy: another wufix is running, or Windows is installing (--force goes past an install), 7 interrupted (services were put back), 8 unexpected system error, 3010 repaired, a restart of Windows is pending."
#define WF_MT_M_BYTES_LLU_SOURCE_BYTES_LLU ",\"bytes\":%llu,\"source_bytes\":%llu,\"cut\":%s,\"sha256\":\"%s\"}"
#define WF_MT_M_S_S_REPORTINGEVENTS_LOG "%s\\%s\\ReportingEvents.log"
#define WF_MT_M_LOGS_S_REPORTINGEVENTS_LOG "logs/%s/ReportingEvents.log"
#define WF_MT_M_ITS_VALUES_CANNOT_BE_READ "; its values cannot be read\015\n"
#define WF_MT_M_BINARY_OR_OF_A_TYPE " = ; binary or of a type not shown\015\n"
#define WF_MT_M_REGISTRY_VALUES_WUFIX_CHECK_READS "Registry values wufix check reads (HKEY_LOCAL_MACHINE)\015\n"
#define WF_MT_M_WUFIX_S_4S_2S_2S "wufix-%s-%.4s%.2s%.2s-%.2s%.2s%.2s.zip"
#define WF_MT_M_CAP_BYTES_U_CAP_EACH ",\"cap_bytes\":%u,\"cap\":\"each file's last %u bytes\",\"files\":["
#define WF_MT_M_WUFIX_COLLECT_OUT_OF_MEMORY "wufix: collect: out of memory; nothing was written\n"
#define WF_MT_M_WUFIX_COLLECT_CANNOT_WRITE_S "wufix: collect: cannot write '%s': %s; nothing was written\n"
#define WF_MT_M_WROTE_S_U_FILES_LLU "wrote %s (%u files, %llu bytes; manifest.json lists them)\n"
#define WF_MT_M_WUFIX_CANNOT_CONNECT_TO_THE "wufix: cannot connect to the service control manager: access is denied; run wufix as administrator\n"
#define WF_MT_M_WUFIX_CANNOT_CONNECT_TO_THE_2 "wufix: cannot connect to the service control manager\n"
#define WF_MT_M_CANNOT_CONNECT_TO_THIS_MACHINE "cannot connect to this machine's service control manager: access is denied"
#define WF_MT_M_CANNOT_CONNECT_TO_THIS_MACHINE_2 "cannot connect to this machine's service control manager"
#define WF_MT_M_WUFIX_CANNOT_S_S_S "wufix: cannot %s '%s': %s\n"
#define WF_MT_M_WUFIX_CANNOT_ORDER_THE_SERVICES "wufix: cannot order the services: %s\n"
#define WF_MT_M_WUFIX_S_WAS_STARTED_AGAIN "wufix: '%s' was started again to be elevated, and is still not; nothing was changed; run it from an elevated prompt (Run as administrator)\n"
#define WF_MT_M_WUFIX_S_CHANGES_SERVICES_AND "wufix: '%s' changes services and needs administrator rights; run it from an elevated prompt (Run as administrator)\n"
#define WF_MT_M_WUFIX_ANOTHER_WUFIX_IS_CHANGING "wufix: another wufix is changing services on this machine right now; try again when it has finished\n"
#define WF_MT_M_WUFIX_S_NOTHING_WAS_CHANGED "wufix: %s; nothing was changed\n"
#define WF_MT_M_WUFIX_CANNOT_TAKE_THE_MACHINE "wufix: cannot take the machine's wufix lock\n"
#define WF_MT_M_WUFIX_WARNING_WINDOWS_IS_INSTALLING "wufix: warning: Windows is installing (%s); going ahead as --force asks: the install may fail\n"
#define WF_MT_M_WUFIX_WARNING_WINDOWS_IS_INSTALLING_2 "wufix: warning: Windows is installing (%s); without --dry-run, '%s' would stop here (exit 6) unless --force\n"
#define WF_MT_M_WUFIX_WINDOWS_IS_INSTALLING_S "wufix: Windows is installing (%s): busy: try again when it finishes, or restart Windows first; nothing was changed (--force goes ahead, at the install's risk)\n"
#define WF_MT_M_R_N_S_EXIT_CODE "\015\n%s: exit code %d (%s), %s"
#define WF_MT_M_S_S_EXIT_CODE_D "=== %s: %s, exit code %d, %s ===\n"
#define WF_MT_M_SUMMARY_S_ON_U_MACHINES "Summary: %s on %u machines, exit code %d (%s)\n"
#define WF_MT_M_WUFIX_S_NOT_BEGUN_INTERRUPTED "wufix: %s: not begun (interrupted); nothing was changed there\n"
#define WF_MT_M_INTERRUPTED_WHILE_CONNECTING "interrupted while connecting"
#define WF_MT_M_WUFIX_S_INTERRUPTED_WHILE_CONNECTING "wufix: %s: interrupted while connecting; nothing was changed there\n"
#define WF_MT_M_NO_WORKER_COULD_BE_STARTED "no worker could be started"
#define WF_MT_M_WUFIX_S_NO_WORKER_THREAD "wufix: %s: no worker thread could be started; nothing was changed\n"
#define WF_MT_M_COMPUTER_NAMES_NO_MACHINE "--computer names no machine"
#define WF_MT_M_FORCE_ENDS_PROCESSES_ON_THIS "--force ends processes on this machine only; it cannot be used with --computer naming another machine"
#define WF_MT_M_COMPUTER_THIS_BUILD_CANNOT_REACH "--computer: this build cannot reach other machines"
#define WF_MT_M_WUFIX_S_ON_U_MACHINE "wufix %s on %u machine%s ended with exit code %d.%s"
#define WF_MT_M_WINDOWS_UPDATE_COULD_NOT_S "Windows Update could not %s%s%s%s%s%s: %s"
#define WF_MT_M_WUFIX_CHECKS_THE_SERVICES_WINDOWS "wufix checks the services Windows Update needs on %s."
#define WF_MT_M_WINDOWS_UPDATE_S_SERVICES_LOOK "Windows Update's services look healthy. There is nothing to do."
#define WF_MT_M_WUFIX_FOUND_U_PROBLEM_S "wufix found %u problem%s:\n\n"
#define WF_MT_M_WUFIX_CANNOT_FIX_THIS_PROBLEM "wufix cannot fix this problem itself. Nothing was changed."
#define WF_MT_M_WUFIX_CANNOT_FIX_THESE_PROBLEMS "wufix cannot fix these problems itself. Nothing was changed."
#define WF_MT_M_SEE_TO_FIX_IT_UNDER ": see \"To fix it\" under it"
#define WF_MT_M_SEE_TO_FIX_IT_UNDER_2 ": see \"To fix it\" under each"
#define WF_MT_M_WUFIX_UNDO_PUTS_BACK_WHAT "'wufix undo' puts back what wufix changed."
#define WF_MT_M_WINDOWS_WILL_ASK_FOR_PERMISSION "Windows will ask for permission to make changes. 'wufix undo' puts back what wufix changed."
#define WF_MT_M_THE_REPAIR_NEEDS_ADMINISTRATOR_RIGHTS "The repair needs administrator rights. Nothing was changed."
#define WF_MT_M_ASK_SOMEONE_WITH_AN_ADMINISTRATOR "Ask someone with an administrator account on this PC to run wufix, or contact IT support."
#define WF_MT_M_THE_REPAIR_RAN_BUT_WUFIX "The repair ran, but wufix could not check again what is left."
#define WF_MT_M_RUN_WUFIX_AGAIN_TO_SEE "Run wufix again to see what is still wrong."
#define WF_MT_M_THE_REPAIR_DID_NOT_FINISH "The repair did not finish; anything it changed was put back."
#define WF_MT_M_RESTART_THE_PC_THEN_RUN "Restart the PC, then run wufix again. If the repair fails again, contact IT support, or whoever looks after this PC, and tell them: 'wufix repair' failed with exit code %d."
#define WF_MT_M_WUFIX_FIXED_WHAT_IT_CAN "wufix fixed what it can. Windows Update will not work until what is still wrong is fixed."
#define WF_MT_M_WUFIX_FIXED_WHAT_IT_CAN_2 "wufix fixed what it can. What is still wrong is above, with what to do."
#define WF_MT_M_WINDOWS_UPDATE_S_SERVICES_ARE "Windows Update's services are repaired. Restart the PC to finish."
#define WF_MT_M_WINDOWS_UPDATE_S_SERVICES_ARE_2 "Windows Update's services are repaired. See above for what is left to do."
#define WF_MT_M_WINDOWS_UPDATE_S_SERVICES_ARE_3 "Windows Update's services are repaired."
#define WF_MT_M_NPOLICIES_THEIR_OWNER_SETS_AGAIN "\nPolicies their owner sets again (left):\n"
#define WF_MT_M_NWINDOWS_UPDATE_S_LAST_FAILURE "\nWindows Update's last failure (0x%08X) is in its caches: 'wufix reset' is the fix (it renames them aside, never deletes them); repair does not reset.\n"
#define WF_MT_M_WUFIX_CANNOT_LOOK_AT_THE "wufix: cannot look at the caches to set aside (%s)\n"
#define WF_MT_M_SET_ASIDE_THE_CACHES_LISTED "Set aside the caches listed above (they are renamed, never deleted)?"
#define WF_MT_M_UPDATE_HISTORY_ON_S_NEWEST "Update history on %s (newest first, %u of %u found):\n"
#define WF_MT_M_NO_UPDATE_RESULTS_IN_REPORTINGEVENTS "  no update results in ReportingEvents.log\n"
#define WF_MT_M_FROM_A_COPY_OF_THE "* from a copy of the log that 'wufix reset' set aside\n"
#define WF_MT_M_U_OF_U_LOGS_COULD "%u of %u logs could not be read as ReportingEvents.log\n"
#define WF_MT_M_EXIT_CODE_0_ELAPSED_MS ",\"exit_code\":0,\"elapsed_ms\":%llu"
#define WF_MT_M_SERVICES_PROBLEMS_HISTORY ",\"services\":[],\"problems\":[],\"history\":["
#define WF_MT_M_KIND_S_RESULT_S_HRESULT ",\"kind\":\"%s\",\"result\":\"%s\",\"hresult\":\"0x%08X\""
#define WF_MT_M_WUFIX_CANNOT_READ_THE_UPDATE "wufix: cannot read the update history: %s\n"
#define WF_MT_M_COMPUTER_MORE_THAN_U_MACHINES "--computer: more than %u machines"
#define WF_MT_M_COMPUTER_CANNOT_READ_S_S "--computer: cannot read %s%s%s"
#define WF_MT_M_IT_IS_LONGER_THAN_A ": it is longer than a million bytes"
#define WF_MT_M_COMPUTER_S_LINE_U_S "--computer %s, line %u: %s"
#define WF_MT_M_COMPUTER_S_NAMES_NO_MACHINE "--computer: %s names no machine"
#define WF_MT_M_HEALTHY_IN_WHAT_COULD_BE "healthy in what could be checked (skipped: %s)\n"
#define WF_MT_M_U_PROBLEM_S_U_FIXABLE "%u problem%s (%u fixable):"
#define WF_MT_M_HEALTH_OF_THE_UPDATE_SERVICES "Health of the update services on %s:\n"
#define WF_MT_M_U_PROBLEM_S_WUFIX_REPAIR "%u problem%s; 'wufix repair' fixes %u."
#define WF_MT_M_U_PROBLEM_S_WUFIX_CANNOT "%u problem%s; wufix cannot fix %s itself: see 'what to do' above."
#define WF_MT_M_NO_PROBLEMS_FOUND_IN_WHAT "No problems found in what could be checked; some checks were skipped (see above)."
#define WF_MT_M_HEALTHY_NO_PROBLEMS_FOUND "Healthy: no problems found."
#define WF_MT_M_WUFIX_WARNING_AN_EARLIER_RUN "wufix: warning: an earlier run in the journal is not trusted (%s); it and those before it are not put back\n"
#define WF_MT_M_U_CONFIGURATION_VALUE_S "%u configuration value%s"
#define WF_MT_M_LEFT_EVERY_SERVICE_AS_IT "left every service as it found it"
#define WF_MT_M_RUNS_WUFIX_UNDO_CAN_PUT "Runs 'wufix undo' can put back (newest first; it puts back the first):\n"
#define WF_MT_M_NOTHING_TO_UNDO_NO_CHANGING "Nothing to undo: no changing run is recorded on this machine.\n"
#define WF_MT_M_DRY_RUN_WHAT_UNDO_WOULD "Dry run: what undo would put back is in that journal; nothing was changed.\n"
#define WF_MT_M_WUFIX_CANNOT_READ_THE_SERVICES "wufix: cannot read the services the journal lists: %s\n"
#define WF_MT_M_NOTHING_TO_UNDO_THE_LAST "Nothing to undo: the last run ('%s', %s) %s%s.\n"
#define WF_MT_M_AND_NO_EARLIER_RUN_THAT ", and no earlier run that changed configuration is kept"
#define WF_MT_M_WUFIX_CANNOT_READ_WHAT_THE "wufix: cannot read what the run changed (%s); nothing was changed\n"
#define WF_MT_M_WUFIX_CANNOT_UNDO_S_NOTHING "wufix: cannot undo: %s; nothing was changed\n"
#define WF_MT_M_WUFIX_S_CANNOT_REACH_ITS "wufix: %s: cannot reach its service control manager: %s\n"
#define WF_MT_M_WUFIX_S_NOTHING_WAS_CHANGED_2 "wufix: %s: nothing was changed there\n"
#define WF_MT_M_S_IS_THIS_MACHINE_S "%s is this machine (%s): run here"
#define WF_MT_M_RUN_AS_S_THE_SAME "run as %.*s (the same machine)"
#define WF_MT_M_WUFIX_S_THE_SAME_MACHINE "wufix: %s: the same machine as %s (%s%s%s): run once, as %s\n"
#define WF_MT_M_WUFIX_ENDED_EXIT_CODE_D "wufix ended: exit code %d"
#define WF_MT_M_RESET_SETS_ASIDE_SOFTWAREDISTRIBUTION_CATROOT2 "reset sets aside SoftwareDistribution, catroot2 and BITS' queue files (renamed, never deleted).\nGo on?"
#define WF_MT_M_WUFIX_THE_ARGUMENTS_ARE_TOO "wufix: the arguments are too long to pass to an elevated wufix; nothing was changed; run it from an elevated prompt (Run as administrator), or name machines with --computer @FILE\n"
#define WF_MT_M_WUFIX_ADMINISTRATOR_RIGHTS_WERE_REFUSED "wufix: administrator rights were refused; nothing was changed\n"
#define WF_MT_M_LOG_CANNOT_OPEN_S_TO "--log: cannot open %s to append to it: %s"
#define WF_MT_M_COMMAND_CHECK_COMPUTER "{\"command\":\"check\",\"computer\":"
#define WF_MT_M_EXIT_CODE_D_BRIEF_TRUE ",\"exit_code\":%d,\"brief\":true,\"errors\":%u,\"warnings\":%u,\"fixable\":%u"
#define WF_MT_M_LAST_FAILURE_S_LAST_FAILURE ",\"last_failure\":\"%s\",\"last_failure_hresult\":\"0x%08X\""
#define WF_MT_M_LAST_FAILURE_NULL_LAST_FAILURE ",\"last_failure\":null,\"last_failure_hresult\":null,\"last_failure_kb\":null,\"last_failure_date\":null"
#define WF_MT_M_PROBLEMS_LEFT_OUT_U_N "\",\"problems_left_out\":%u}\n"
#define WF_MT_M_SYSTEMROOT_SYSTEM32_SVCHOST_EXE "%SystemRoot%\\System32\\svchost.exe"
#define WF_MT_M_SYSTEMROOT_SYSTEM32_SVCHOST_EXE_K "%SystemRoot%\\System32\\svchost.exe -k GROUP"
#define WF_MT_M_A_PROGRAM_UNDER_SYSTEMROOT "a program under %SystemRoot%"
#define WF_MT_M_A_DLL_UNDER_SYSTEMROOT "a DLL under %SystemRoot%"
#define WF_MT_M_SYSTEM_AND_ADMINISTRATORS_MAY_READ "SYSTEM and Administrators may read and change it"
#define WF_MT_M_PENDINGFILERENAMEOPERATIONS "PendingFileRenameOperations"
#define WF_MT_M_SPENDINGFILERENAMEOPERATIONS_S "%sPendingFileRenameOperations%s"
#define WF_MT_M_FILES_UNDER_SYSTEMROOT " (files under %SystemRoot%)"
#define WF_MT_M_OTHER_SOFTWARE_S_WINDOWS_UPDATE "(other software's: Windows Update does not wait for them)"
#define WF_MT_M_RESTART_WINDOWS_TO_FINISH_INSTALLING "restart Windows to finish installing updates"
#define WF_MT_M_A_PUBLIC_SOURCE_FOR_THIS "a public source for this build"
#define WF_MT_M_0123456789ABCDEFABCDEF "0123456789abcdefABCDEF:."
#define WF_MT_M_0X_08X_S_S_S "0x%08X %s%s%s on %s%s%s; %u failure%s since %s"
#define WF_MT_M_WINDOWS_UPDATE_S_EVENT_LOG "Windows Update's event log (UTF-16, one tab-separated event a line)"
#define WF_MT_M_SOFTWAREDISTRIBUTION_WUFIX "SoftwareDistribution.wufix-*"
#define WF_MT_M_SOFTWAREDISTRIBUTION_WUFIX_2 "SoftwareDistribution.wufix-"
#define WF_MT_M_S_PORT_U_S_S "%.*s port %u (%.*s): %.*s"
#define WF_MT_M_UPDATE_SERVER_UNREACHABLE "update_server_unreachable"
#define WF_MT_M_AN_HTTP_OR_HTTPS_URL "an http:// or https:// URL of an update server"
#define WF_MT_M_CORRECT_THE_POLICY_WUSERVER_OR "correct the policy WUServer, or delete UseWUServer to use Windows Update itself"
#define WF_MT_M_START_THE_UPDATE_SERVER_OR "start the update server or let its port through the firewall; if it is gone, correct the policy WUServer or delete UseWUServer"
#define WF_MT_M_THE_SERVER_S_NAME_IS "the server's name is not in DNS: correct the name in the policy WUServer (ask whoever manages updates), check this machine's DNS servers, or delete UseWUServer if the server is gone"
#define WF_MT_M_CORRECT_THE_MACHINE_S_PROXY "correct the machine's proxy ('netsh winhttp set proxy HOST:PORT') or remove it ('netsh winhttp reset proxy')"
#define WF_MT_M_WINDOWS_UPDATE_S_OWN_SERVERS "Windows Update's own servers"
#define WF_MT_M_UPDATE_ENDPOINT_UNREACHABLE "update_endpoint_unreachable"
#define WF_MT_M_LET_THIS_MACHINE_REACH_DELIVERY "let this machine reach *.delivery.mp.microsoft.com (HTTPS) and *.windowsupdate.com (HTTP): the firewall, the proxy, DNS"
#define WF_MT_M_NONE_IN_WINDOWS_UPDATE_S "none in Windows Update's log"
#define WF_MT_M_NOT_KNOWN_WINDOWS_UPDATE_S "not known: Windows Update's log was not read"
#define WF_MT_M_NOT_ENDED_PROCESS_U_IS "not ended: process %u is no longer its own"
#define WF_MT_M_NOT_ENDED_PROCESS_U_ALSO "not ended: process %u also hosts"
#define WF_MT_M_S_RULE_250S_BLOCK_OUT "%s rule \"%.250s\": Block, Out, %s%.250s"
#define WF_MT_M_NO_SUCH_RULE_S_REMOVE "no such rule (%s: Remove-NetFirewallRule -Name '%.520s'%s)"
#define WF_MT_M_A_POLICY_SETS_IT_REMOVE "a policy sets it; remove it from that policy, the local one"
#define WF_MT_M_SYSTEM_CURRENTCONTROLSET_SERVICES_SHAREDACCESS "SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\FirewallRules"
#define WF_MT_M_SOFTWARE_POLICIES_MICROSOFT_WINDOWSFIREWALL_FI "SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules"
#define WF_MT_M_S_SOFTWAREDISTRIBUTION_REPORTINGEVENTS_LOG "%s\\SoftwareDistribution\\ReportingEvents.log"
#define WF_MT_M_ID_S_FOR_100S_S "ID %.*s, for %.100s%s%s%s"
#define WF_MT_M_SYSTEMROOT_LOGS_SETUPDIAG_SETUPDIAGRESULTS_XML "%SystemRoot%\\Logs\\SetupDiag\\SetupDiagResults.xml"
#define WF_MT_M_900S_OVER_128_KB_NOT "%.900s: over 128 KB, not read"
#define WF_MT_M_TARGETRELEASEVERSIONINFO "TargetReleaseVersionInfo"
#define WF_MT_M_S_S_S_TARGETRELEASEVERSIONINFO "%.*s%s%.*s: TargetReleaseVersionInfo"
#define WF_MT_M_DEFERFEATUREUPDATESPERIODINDAYS "DeferFeatureUpdatesPeriodInDays"
#define WF_MT_M_U_DAYS_DEFERFEATUREUPDATESPERIODINDAYS "%u days: DeferFeatureUpdatesPeriodInDays"
#define WF_MT_M_FEATURE_UPDATES_DEFERRED "feature_updates_deferred"
#define WF_MT_M_SYSTEMROOT_SYSTEM32_DRIVERS_ETC "%SystemRoot%\\System32\\drivers\\etc"
#define WF_MT_M_A_FILE_WUFIX_READS_WHOLE "a file wufix reads whole"
#define WF_MT_M_NO_LINE_FOR_WINDOWS_UPDATE "no line for Windows Update's servers (Windows ships a hosts file with no entries)"
#define WF_MT_M_WUFIX_REPAIR_COMMENTS_THOSE_LINES "wufix repair comments those lines out (undo gives the file back)"
#define WF_MT_M_CHANGED_SINCE_WUFIX_WROTE_IT "changed since wufix wrote it"
#define WF_MT_M_HAS_A_COPY_SET_ASIDE "has a copy set aside that is not its own"
#define WF_MT_M_HAS_NO_COPY_OF_ITS "has no copy of its own set aside"
#define WF_MT_M_THE_HOSTS_FILE_700S_S "the hosts file %.700s %s"
#define WF_MT_M_TRUSTEDINSTALLER_IS_RUNNING_WITH_TIWORKER "TrustedInstaller is running with TiWorker.exe at work"
#define WF_MT_M_COMPONENT_BASED_SERVICING_SESSIONSPENDING_HOLD "Component Based Servicing\\SessionsPending holds %u pending entr%s"
#define WF_MT_M_SYSTEMROOT_WINSXS_PENDING_XML "%SystemRoot%\\WinSxS\\pending.xml"
#define WF_MT_M_SYSTEMROOT_WINSXS_PENDING_XML_WAITS "%SystemRoot%\\WinSxS\\pending.xml waits for the servicing stack"
#define WF_MT_M_THE_RECORD_THAT_VOUCHES_FOR "the record that vouches for it cannot be read"
#define WF_MT_M_IT_IS_NOT_A_JOURNAL "it is not a journal wufix wrote (its SHA-256 %.12s... is not the one recorded)"
#define WF_MT_M_TURN_THE_WINDOWS_TIME_SERVICE "turn the Windows Time service back on (services.msc), then run 'w32tm /resync'"
#define WF_MT_M_NTP_OR_NT5DS_IN_A "NTP, or NT5DS in a domain"
#define WF_MT_M_RUN_W32TM_CONFIG_SYNCFROMFLAGS_DOMHIER "run 'w32tm /config /syncfromflags:domhier /update' in a domain, else 'w32tm /config /syncfromflags:manual /manualpeerlist:time.windows.com /update'; then 'w32tm /resync'"
#define WF_MT_M_FLIGHTSETTINGSMAXPAUSEDAYS "FlightSettingsMaxPauseDays"
#define WF_MT_M_SETTINGS_WINDOWS_UPDATE_RESUME_UPDATES "Settings > Windows Update > Resume updates, when you want them before that date"
#define WF_MT_M_SFLIGHTSETTINGSMAXPAUSEDAYS_LD "%sFlightSettingsMaxPauseDays %ld"
#define WF_MT_M_A_PAUSE_OF_AT_MOST "a pause of at most 35 days, as Settings makes"
#define WF_MT_M_WUFIX_REPAIR_RESUMES_UPDATES_DELETES "wufix repair resumes updates (deletes the pause values; undo puts them back)"
#define WF_MT_M_MORE_THAN_D_SERVICES_WOULD "more than %d services would take part"
#define WF_MT_M_CANNOT_READ_THE_CONFIGURATION_OF "cannot read the configuration of '%s'"
#define WF_MT_M_CANNOT_LIST_THE_SERVICES_THAT "cannot list the services that depend on '%s'"
#define WF_MT_M_SETPOLICYDRIVENUPDATESOURCEFOR "SetPolicyDrivenUpdateSourceFor"
#define WF_MT_M_DISABLEDUALSCAN_1_OR_SETPOLICYDRIVENUPDATESOUR "DisableDualScan=1, or SetPolicyDrivenUpdateSourceFor* naming each class's source"
#define WF_MT_M_SET_BY_GROUP_POLICY_OR "set by Group Policy or MDM, or not set (wufix repair --policies removes these)"
#define WF_MT_M_THEIR_OWNER_S_WUFIX_LEAVES "(their owner's: wufix leaves them)"
#define WF_MT_M_A_WHOLE_REGISTRY_POL_PREG "a whole Registry.pol (PReg version 1, at most 1 MiB)"
#define WF_MT_M_CANNOT_BE_RECORDED_EXACTLY "cannot be recorded exactly"
#define WF_MT_M_MORE_CHANGES_THAN_ONE_RUN "more changes than one run holds (run it again)"
#define WF_MT_M_WUFIX_HAS_NO_ENTRY_FOR "; wufix has no entry for this code)"
#define WF_MT_M_S_FAILED_TO_S_U "%s failed to %s %u times since %.10s (last %s on %.10s)"
#define WF_MT_M_YOUR_ORGANIZATION_MANAGES_UPDATES_ON "Your organization manages updates on this PC: contact IT support and tell them: %s%s%s"
#define WF_MT_M_THE_UPDATE_SERVER_A_POLICY "the update server a policy names is not a web address ("
#define WF_MT_M_SPROXY_S_DOES_NOT_ANSWER "%sproxy %s does not answer"
#define WF_MT_M_AN_UPDATE_BLOCKER_USUALLY_SETS "An update blocker usually sets this policy: turn it off in that program, or %s%s"
#define WF_MT_M_IF_YOUR_ORGANIZATION_MANAGES_THIS "If your organization manages this PC, that is its choice: contact IT support and tell them: %s. If not, turn it off in the program that set it, or ask whoever looks after this PC"
#define WF_MT_M_RUN_IN_A_COMMAND_PROMPT "Run in a Command Prompt started as administrator: %s"
#define WF_MT_M_RUN_IN_POWERSHELL "Run in PowerShell started as administrator: %s"
#define WF_MT_M_REMOVE_IT_COLON "(remove it: "
#define WF_MT_M_RESTART_THE_PC_THEN_RUN_2 "Restart the PC, then run wufix again"
#define WF_MT_M_FREE_SOME_SPACE_ON_THE "Free some space on the system drive (empty the Recycle Bin, remove what you no longer need), then try Windows Update again"
#define WF_MT_M_CHECK_THAT_THIS_PC_IS "Check that this PC is connected to the internet; if it is, %sWindows Update's servers do not answer from this PC"
#define WF_MT_M_S_SWINDOWS_UPDATE_ERROR_0X "%s%sWindows Update error 0x%08X%s%s"
#define WF_MT_M_RESTART_THE_PC_THEN_RUN_3 "Restart the PC, then run wufix again. If it is still wrong, %s%s"
#define WF_MT_M_DELIVERY_OPTIMIZATION_OFF "delivery_optimization_off"
#define WF_MT_M_S_IMAGE_PATH_S_S "%s: image path \"%s\" -> \"%s\""
#define WF_MT_M_S_SECURITY_DESCRIPTOR_S_S "%s: security descriptor \"%s\" -> \"%s\""
#define WF_MT_M_S_DEPENDS_ON_S_S "%s: depends on \"%s\" -> \"%s\""
#define WF_MT_M_S_RUNS_AS_S_S "%s: runs as \"%s\" -> \"%s\""
#define WF_MT_M_HOSTS_FILE_S_LLU_LINE "hosts file %s: %llu line%s sending update servers elsewhere commented out (a copy: %s)"
#define WF_MT_M_HOSTS_FILE_S_GIVEN_BACK "hosts file %s given back from %s"
#define WF_MT_M_SET_ASIDE_S_S_S "set aside %s -> %s (%s in %llu file%s)"
#define WF_MT_M_AUTOMATIC_DELAYED_START_S "Automatic (Delayed Start%s)"
#define WF_MT_M_PROTECTED_BY_WINDOWS_SHOWN_NEVER "(protected by Windows: shown, never stopped or changed)"
#define WF_MT_M_RUNNING_DEPENDENT_OUTSIDE_THE_SET " (running dependent, outside the set)"
#define WF_MT_M_SERVICES_ON_ONE_LINE_MOVE "; services on one line move together"
#define WF_MT_M_U_WITH_EVERY_SERVICE_STOPPED "  %u. with every service stopped, %s:\n"
#define WF_MT_M_PUT_BACK_WHAT_WAS_SET "put back what was set aside"
#define WF_MT_M_SET_ASIDE_NEVER_DELETED "set aside (never deleted)"
#define WF_MT_M_S_8S_S_IN_LLU "  %s%-8s %s in %llu.%02llu s%s\n"
#define WF_MT_M_FORCE_ENDED_ITS_PROCESS " (--force ended its process)"
#define WF_MT_M_IT_IS_STILL_S_LEFT "it is still %s; left as it is"
#define WF_MT_M_IT_MADE_NO_PROGRESS_FOR "it made no progress for %llu.%01llu s while %s"
#define WF_MT_M_STILL_S_AFTER_LLU_01LLU "still %s after %llu.%01llu s"
#define WF_MT_M_IT_STOPPED_INSTEAD_OF_STARTING "it stopped instead of starting"
#define WF_MT_M_IT_DOES_NOT_ACCEPT_STOP "it does not accept stop requests"
#define WF_MT_M_ACCESS_IS_DENIED_THIS_ACCOUNT "access is denied: this account lacks the %s right on it (5)"
#define WF_MT_M_U_SERVICE_S_PUT_BACK "%u service%s put back as before%s"
#define WF_MT_M_SOME_COULD_NOT_BE_SEE ", some could not be (see above).\n"
#define WF_MT_M_WUFIX_S_ON_S_N "wufix %s on %s\n\nBefore:\n"
#define WF_MT_M_LAST_SUCCESSFUL_CHECK_FOR_UPDATES "  last successful check for updates: %s%s%s\n"
#define WF_MT_M_LAST_SUCCESSFUL_INSTALL_S_S "  last successful install: %s%s%s%s%s%s\n"
#define WF_MT_M_FOUND_S_S_S_S "found: %.*s%s%s%s%s; expected: %.*s%s"
#define WF_MT_M_LU_MORE_PROBLEM_S_NOT "  %lu more problem(s) not listed: out of memory\n"
#define WF_MT_M_WUFIX_S_ENDED_WITH_EXIT "wufix %s ended with exit code %d"
#define WF_MT_M_OUTCOME_S_R_NSERVICES " (outcome: %s).\015\nServices:"
#define WF_MT_M_WUFIX_UNDO_PUTS_THIS_RUN " ('wufix undo' puts this run back)"
#define WF_MT_M_PID_U_EXIT_CODE_U ",\"pid\":%u,\"exit_code\":%u}"
#define WF_MT_M_BYTES_LLU_FILES_LLU ",\"bytes\":%llu,\"files\":%llu"
#define WF_MT_M_CLASS_S_FACILITY ",\"class\":\"%s\",\"facility\":"
#define WF_MT_M_LAST_SCAN_BEFORE_RESET ",\"last_scan_before_reset\":"
#define WF_MT_M_LAST_INSTALL_BEFORE_RESET ",\"last_install_before_reset\":"
#define WF_MT_M_SOURCE_S_CONFLICTS ",\"source\":\"%s\",\"conflicts\":["
#define WF_MT_M_CODE_S_SEVERITY_S_FIXABLE ",\"code\":\"%s\",\"severity\":\"%s\",\"fixable\":%s"
#define WF_MT_M_EXIT_CODE_U_EXIT_MESSAGE ",\"exit_code\":%u,\"exit_message\":"
#define WF_MT_M_EXIT_CODE_D_ELAPSED_MS ",\"exit_code\":%d,\"elapsed_ms\":%llu"
#define WF_MT_M_IN_SET_S_PROTECTED_S ",\"in_set\":%s,\"protected\":%s,\"trigger_start\":%s,\"before\":"
#define WF_MT_M_S_ACTION_S_RESULT_S "%s{\"action\":\"%s\",\"result\":\"%s\",\"ms\":%llu,\"rollback\":%s}"
#define WF_MT_M_CODE_S_SYSCODE_U_MESSAGE "{\"code\":\"%s\",\"syscode\":%u,\"message\":"
#define WF_MT_M_SYSCODE_U_MESSAGE ",\"syscode\":%u,\"message\":"
#define WF_MT_M_COMPUTER_NULL_EXIT_CODE_2 ",\"computer\":null,\"exit_code\":2,\"elapsed_ms\":0"
#define WF_MT_M_SERVICES_PROBLEMS_ERROR_CODE_USAGE ",\"services\":[],\"problems\":[],\"error\":{\"code\":\"usage\",\"syscode\":0,\"message\":"
#define WF_MT_M_SERVICES_PROBLEMS_ERROR_CODE ",\"services\":[],\"problems\":[],\"error\":{\"code\":"
#define WF_MT_M_THE_FOLDER_WITH_THE_TASKS "the folder, with the tasks Windows ships enabled in it"
#define WF_MT_M_ENABLED_SCHTASKS_CHANGE_TN_900S "enabled: schtasks /Change /TN \"%.900s\" /Enable"
#define WF_MT_M_NOT_SET_DELETE_S_TO "not set (delete %.*s to lift it)"
#define WF_MT_M_NOT_LISTED_DELETE_THE_VALUE "not listed (delete the value to lift it)"
#define WF_MT_M_DISABLEWINDOWSUPDATEACCESS "DisableWindowsUpdateAccess"
#define WF_MT_M_POLICY_USER_BLOCKS_ACCESS "policy_user_blocks_access"
#define WF_MT_M_POLICY_NO_WINDOWS_UPDATE "policy_no_windows_update"
#define WF_MT_M_CANNOT_BE_RECORDED_EXACTLY_2 "(cannot be recorded exactly)"
#define WF_MT_M_BYPASS_DEPRECATED_SOME_DOWNLOADS_CAN "Bypass: deprecated, some downloads can fail"
#define WF_MT_M_POLICY_DELIVERY_OPTIMIZATION "policy_delivery_optimization"
#define WF_MT_M_NOT_SET_WINDOWS_DEFAULT_1 "not set (Windows' default: 1, LAN)"
#define WF_MT_M_SOFTWARE_MICROSOFT_WINDOWS_CURRENTVERSION_POLI "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer"
#define WF_MT_M_POLICY_DISABLE_OS_UPGRADE "policy_disable_os_upgrade"
#define WF_MT_M_IT_IS_A_FILE_NOT "it is a file, not a folder"
#define WF_MT_M_IT_IS_A_LINK_A "it is a link (a reparse point) to somewhere else"
#define WF_MT_M_ITS_OWNER_CANNOT_BE_READ "its owner cannot be read"
#define WF_MT_M_ITS_OWNER_IS_S_NOT "its owner is %s, not SYSTEM, Administrators or TrustedInstaller"
#define WF_MT_M_IT_HAS_NO_ACCESS_LIST "it has no access list (everyone may write to it)"
#define WF_MT_M_ITS_ACCESS_LIST_HAS_MORE "its access list has more than %u entries, or one that cannot be read"
#define WF_MT_M_S_MAY_WRITE_TO_IT "%s may write to it (rights 0x%08x%s)"
#define WF_MT_M_INHERITED_BY_WHAT_IS_CREATED ", inherited by what is created in it"
#define WF_MT_M_40S_IS_NOT_A_COMMAND "'%.40s' is not a command that changes anything"
#define WF_MT_M_SERVICE_256S_IS_NOT_ONE "service '%.256s' is not one wufix works on"
#define WF_MT_M_CHANGE_U_S_IS_NOT "change %u (%s) is not one wufix makes"
#define WF_MT_M_WUFIX_COULD_NOT_PUT_BACK "wufix: could not put back: "
#define WF_MT_M_WUFIX_WARNING_THE_JOURNAL_IN "wufix: warning: the journal in wufix's state folder is not trusted: %s\n"
#define WF_MT_M_WUFIX_IT_IS_IGNORED_A "wufix: it is ignored; a run that is not a dry run will set it aside\n"
#define WF_MT_M_WUFIX_IT_IS_IGNORED_AND "wufix: it is ignored and kept as %s; nothing in it was acted on\n"
#define WF_MT_M_WUFIX_IT_IS_IGNORED_IT "wufix: it is ignored (it could not be renamed aside); nothing in it was acted on\n"
#define WF_MT_M_WUFIX_THE_JOURNAL_OF_THE "wufix: the journal of the last run is held open by another process (busy); nothing was changed; try again once it is closed\n"
#define WF_MT_M_WUFIX_THE_JOURNAL_OF_THE_2 "wufix: the journal of the last run cannot be read (%s); it is kept as it is and nothing was changed\n"
#define WF_MT_M_WUFIX_NOTE_THE_JOURNAL_IN "wufix: note: the journal in wufix's state folder cannot be read without administrator rights, so this dry run cannot tell whether a killed run waits to be put back\n"
#define WF_MT_M_WUFIX_CANNOT_WRITE_THE_JOURNAL "wufix: cannot write the journal under %ProgramData%\\wufix (tried 3 times); the next run puts back what this one left from the journal it finds\n"
#define WF_MT_M_WUFIX_CANNOT_CLOSE_THE_JOURNAL "wufix: cannot close the journal under %ProgramData%\\wufix (tried 3 times); what this run did stands and no later run puts it back, but 'wufix undo' cannot put it back either\n"
#define WF_MT_M_WUFIX_FOUND_THE_JOURNAL_OF "wufix: found the journal of an unfinished '%s' (process %u, started %s)%s\n"
#define WF_MT_M_A_RUN_THAT_IS_NOT "; a run that is not a dry run will put its services back first"
#define WF_MT_M_PUTTING_ITS_SERVICES_BACK_AS "; putting its services back as they were"
#define WF_MT_M_WUFIX_COULD_NOT_PUT_EVERYTHING "wufix: could not put everything back (%s); the journal is kept\n"
#define WF_MT_M_WUFIX_THE_UNFINISHED_RUN_WAS "wufix: the unfinished run was put back\n"
#define WF_MT_M_WUFIX_CANNOT_PUT_S_BACK "wufix: cannot put %s back from %s: %s\n"
#define WF_MT_M_THE_COPY_SET_ASIDE_IS "the copy set aside is gone"
#define WF_MT_M_WUFIX_CANNOT_SET_ASIDE_S "wufix: cannot set aside %s (%s, tried %u times): another program holds it open%s%s; putting everything back\n"
#define WF_MT_M_CHANGES_WAS_WILL_BE_N "Changes (was -> will be):\n"
#define WF_MT_M_NOTHING_TO_SET_ASIDE_NONE "Nothing to set aside: none of the caches is there.\n"
#define WF_MT_M_NDRY_RUN_NOTHING_WAS_CHANGED "\nDry run: nothing was changed.\n"
#define WF_MT_M_WUFIX_CANNOT_WRITE_THE_JOURNAL_2 "wufix: cannot write the journal under %ProgramData%\\wufix; nothing was changed\n"
#define WF_MT_M_WUFIX_A_REPAIR_COULD_NOT "wufix: a repair could not be applied (%s); putting back\n"
#define WF_MT_M_PUTTING_BACK_WHAT_WAS_CHANGED "Putting back what was changed:\n"
#define WF_MT_M_SET_ASIDE_DELETE_THEM_ONCE "Set aside (delete them once updates work again; 'wufix undo' puts them back):\n"
#define WF_MT_M_NOT_A_FILE_NAME_WINDOWS "not a file name Windows accepts"
#define WF_MT_M_IT_MUST_BE_A_FILE "it must be a file on a drive, such as C:\\Logs\\wufix.log"
#define WF_MT_M_NOT_A_FOLDER_THAT_CAN "not a folder that can be opened"
#define WF_MT_M_A_LINK_OR_JUNCTION_A "a link or junction (a reparse point), or not a folder"
#define WF_MT_M_IT_EXISTS_WUFIX_NEVER_WRITES "it exists (wufix never writes over a file)"
#define WF_MT_M_NOT_A_FILE_ON_A "not a file on a disk (a pipe or a device)"
#define WF_MT_M_A_FILE_WHOSE_KIND_CANNOT "a file whose kind cannot be read"
#define WF_MT_M_A_LINK_OR_A_FOLDER "a link or a folder, not a file"
#define WF_MT_M_A_FILE_WITH_MORE_THAN "a file with more than one name (a hard link)"
#define WF_MT_M_REACHED_THROUGH_A_LINK_ITS "reached through a link: its final path is another"
#define WF_MT_M_GETUSEROBJECTINFORMATIONW "GetUserObjectInformationW"
#define WF_MT_M_ITS_NAME_DOES_NOT_RESOLVE "its name does not resolve (DNS)"
#define WF_MT_M_AN_ENTRY_OF_AN_OBJECT "an entry of an object type"
#define WF_MT_M_THE_PROGRAMDATA_FOLDER_CANNOT_BE "the ProgramData folder cannot be found"
#define WF_MT_M_ANOTHER_PROCESS_HOLDS_IT_OPEN "another process holds it open"
#define WF_MT_M_THE_JOURNAL_IS_A_LINK "the journal is a link or a folder, not a file"
#define WF_MT_M_THE_FIREWALL_RULE_GROUP_REMOTE "; the firewall rule group \"Remote Scheduled Tasks Management\" must allow it"
#define WF_MT_M_NOT_ELEVATED_A_STANDARD_USER "not elevated: a standard user may not read the tasks of Windows Update"
#define WF_MT_M_OLE32_DLL_OR_OLEAUT32_DLL "ole32.dll or oleaut32.dll could not be loaded from System32"
#define WF_MT_M_WITH_A_TRIGGER " with a trigger"
#define WF_MT_M_NOT_AN_ERROR_CODE "not an error code"
#define WF_MT_M_WIN32_ERROR_U "Win32 error %u"
#define WF_MT_M_WINDOWS_UPDATE "Windows Update"
#define WF_MT_M_WINDOWS_SETUP_MOSETUP "Windows Setup (MOSETUP)"
#define WF_MT_M_DELIVERY_OPTIMIZATION "Delivery Optimization"
#define WF_MT_M_NOTHING_WAS_CHANGED_N "Nothing was changed.\n"
#define WF_MT_M_DELETEVALUES "**deletevalues"
#define WF_MT_M_10ST_8S_C_2S_2S "%.10sT%.8s%c%.2s:%.2s"
#define WF_MT_M_S_NEEDS_A_NUMBER_S "%s needs a number%s"
#define WF_MT_M_CONNECT_TIMEOUT "--connect-timeout"
#define WF_MT_M_MAX_AGE_DAYS "--max-age-days"
#define WF_MT_M_SUNKNOWN_COMMAND_S "%sunknown command %s"
#define WF_MT_M_UNKNOWN_OPTION_S "unknown option %s"
#define WF_MT_M_UNEXPECTED_ARGUMENT_S "unexpected argument %s"
#define WF_MT_M_CONNECT_TIMEOUT_2 "connect-timeout"
#define WF_MT_M_PRINT_THE_VERSION "print the version"
#define WF_MT_M_S_LOGS_WINDOWSUPDATE "%s\\Logs\\WindowsUpdate"
#define WF_MT_M_LOGS_WINDOWSUPDATE_S "logs/WindowsUpdate/%s"
#define WF_MT_M_CANNOT_BE_READ_R_N " = ; cannot be read\015\n"
#define WF_MT_M_DWORD_U_0X_08X_R " = dword:%u (0x%08X)\015\n"
#define WF_MT_M_WUFIX_CHECK_JSON "wufix check --json"
#define WF_MT_M_HKEY_LOCAL_MACHINE "HKEY_LOCAL_MACHINE"
#define WF_MT_M_NOT_INCLUDED "],\"not_included\":["
#define WF_MT_M_LOCAL_SCM_UNREACHABLE "local_scm_unreachable"
#define WF_MT_M_WUFIX_S_S_N "wufix: %s: %s\n"
#define WF_MT_M_WUFIX_WARNING_S_N "wufix: warning: %s\n"
#define WF_MT_M_INSTALL_IN_PROGRESS "install_in_progress"
#define WF_MT_M_NO_INSTALL_IN_PROGRESS "no install in progress"
#define WF_MT_M_EXIT_TIME_OUTCOME_N "Exit  Time     Outcome\n"
#define WF_MT_M_4D_7S_S_N "%4d  %-7s  %s\n"
#define WF_MT_M_NOT_BEGUN_INTERRUPTED "not begun: interrupted"
#define WF_MT_M_WUFIX_OUT_OF_MEMORY_N "wufix: out of memory\n"
#define WF_MT_M_LAST_SCAN_FAILED "last_scan_failed"
#define WF_MT_M_CHECK_FOR_UPDATES "check for updates"
#define WF_MT_M_LAST_DOWNLOAD_FAILED "last_download_failed"
#define WF_MT_M_THE_S_D_UPDATE " the %s %d update"
#define WF_MT_M_ERROR_0X_08X " (error 0x%08X)"
#define WF_MT_M_TO_FIX_IT_S "To fix it: %s."
#define WF_MT_M_PLEASE_TYPE_Y_OR_N "Please type Y or N.\n"
#define WF_MT_M_YES_FIXES_BOTH "Yes fixes both"
#define WF_MT_M_YES_FIXES_ALL_OF_THEM "Yes fixes all of them"
#define WF_MT_M_IT_DOES_NOT_FIX ". It does not fix "
#define WF_MT_M_NREPAIRING_N "\nRepairing...\n"
#define WF_MT_M_FIXED_ALL_OF_THEM_N "Fixed: all of them.\n"
#define WF_MT_M_NSTILL_WRONG_N_N "\nStill wrong:\n\n"
#define WF_MT_M_NO_PROBLEMS_N "  no problems\n"
#define WF_MT_M_CHANGED_WAS_NOW_N "Changed (was -> now):\n"
#define WF_MT_M_NO_CONFIGURATION_N "  no configuration\n"
#define WF_MT_M_NO_PROBLEMS_REMAIN_N "no problems remain\n"
#define WF_MT_M_U_PROBLEM_S_REMAIN_S "%u problem%s remain%s:"
#define WF_MT_M_REBOOT_PENDING "reboot_pending"
#define WF_MT_M_DEPENDENCY_MISSING "dependency_missing"
#define WF_MT_M_SERVICE_DLL_MISSING "service_dll_missing"
#define WF_MT_M_NCHECKED_AGAIN_N "\nChecked again:\n"
#define WF_MT_M_CHECKED_AGAIN_N "Checked again:\n"
#define WF_MT_M_S_S_8S_15S "%s %s  %-8s %-15s"
#define WF_MT_M_WUFIX_VERSION ",\"wufix_version\":"
#define WF_MT_M_SET_ASIDE_S ",\"set_aside\":%s}"
#define WF_MT_M_UPDATE_SERVICES_ON_S_N "Update services on %s:\n"
#define WF_MT_M_S_U_CACHE_S_SET "%s%u cache%s set aside"
#define WF_MT_M_SSERVICE_STATES "%sservice states"
#define WF_MT_M_S_8S_S_N "  %s  %-8s %s\n"
#define WF_MT_M_CHANGED_NOTHING "changed nothing"
#define WF_MT_M_UNDOING_S_OF_S_N "Undoing '%s' of %s.\n"
#define WF_MT_M_CANNOT_CONNECT "cannot connect"
#define WF_MT_M_TIMED_OUT_CONNECTING "timed out connecting"
#define WF_MT_M_NAME_NOT_RESOLVED "name not resolved"
#define WF_MT_M_WUFIX_S_CHECK_S_N "wufix: %s: check %s\n"
#define WF_MT_M_NO_ADDRESS_FOR_S "no address for '%s'"
#define WF_MT_M_WUFIX_S_NOTE_S_N "wufix: %s: note: %s\n"
#define WF_MT_M_WUFIX_WARNING "wufix: warning"
#define WF_MT_M_NPRESS_ENTER_TO_CLOSE "\nPress Enter to close."
#define WF_MT_M_S_S_PID_U_S "%s%s (PID %u%s%s)"
#define WF_MT_M_LAST_FAILURE_KB ",\"last_failure_kb\":"
#define WF_MT_M_LAST_FAILURE_DATE ",\"last_failure_date\":"
#define WF_MT_M_DAYS_SINCE_INSTALL "days_since_install"
#define WF_MT_M_DAYS_SINCE_SCAN "days_since_scan"
#define WF_MT_M_REBOOT_PENDING_S ",\"reboot_pending\":%s"
#define WF_MT_M_SECURITY_UNREADABLE "security_unreadable"
#define WF_MT_M_DENIES_S_S "denies %s: %.*s"
#define WF_MT_M_SECURITY_DESCRIPTOR "security_descriptor"
#define WF_MT_M_BLOCKER_WUBLOCK "blocker_wublock"
#define WF_MT_M_BLOCKER_KEY_DENY "blocker_key_deny"
#define WF_MT_M_NO_DENY_ENTRIES "no deny entries"
#define WF_MT_M_BLOCKER_KEY_RIGHTS "blocker_key_rights"
#define WF_MT_M_MARKED_FOR_DELETION "marked_for_deletion"
#define WF_MT_M_MARKED_FOR_DELETION_2 "marked for deletion"
#define WF_MT_M_CONFIG_UNREADABLE "config_unreadable"
#define WF_MT_M_LAST_RUN_FAILED "last_run_failed"
#define WF_MT_M_RUNNING_OR_STOPPED "running or stopped"
#define WF_MT_M_DEPENDENCY_DISABLED "dependency_disabled"
#define WF_MT_M_UNDER_SYSTEMROOT "under %SystemRoot%"
#define WF_MT_M_WAAS_FILE_EDITED "waas_file_edited"
#define WF_MT_M_FILE_RENAMES_PENDING "file_renames_pending"
#define WF_MT_M_NO_PENDING_RESTART "no pending restart"
#define WF_MT_M_CURRENTBUILDNUMBER "CurrentBuildNumber"
#define WF_MT_M_INSTALLATIONTYPE "InstallationType"
#define WF_MT_M_FIELDS_NOT_COMPARED "fields_not_compared"
#define WF_MT_M_WINDOWS_SERVER " (Windows Server)"
#define WF_MT_M_BUILD_NOT_COVERED "build_not_covered"
#define WF_MT_M_REGISTRY_SKIPPED "registry_skipped"
#define WF_MT_M_A_LATER_SUCCESSFUL_S_S "a later successful %s%s"
#define WF_MT_M_OF_THE_SAME_UPDATE " of the same update"
#define WF_MT_M_UPDATE_LOG_UNREADABLE "update_log_unreadable"
#define WF_MT_M_4S_2S_2S "%.4s-%.2s-%.2s"
#define WF_MT_M_S_USEWUSERVER_1 "%.*s (UseWUServer=1)"
#define WF_MT_M_POLICY_WSUS_LOOPBACK "policy_wsus_loopback"
#define WF_MT_M_WINHTTPSETTINGS "WinHttpSettings"
#define WF_MT_M_PROXY_UNREACHABLE "proxy_unreachable"
#define WF_MT_M_DISPLAYVERSION "DisplayVersion"
#define WF_MT_M_THE_LAST_ON_S_S "the last on %s%s%s"
#define WF_MT_M_ONE_WITHIN_U_DAYS "one within %u days"
#define WF_MT_M_POLICYSTORE_LOCALHOST " -PolicyStore localhost"
#define WF_MT_M_FIREWALL_BLOCKS_UPDATE "firewall_blocks_update"
#define WF_MT_M_RESTART_PENDING "restart_pending"
#define WF_MT_M_GATEDBLOCKREASON "GatedBlockReason"
#define WF_MT_M_SAFEGUARD_HOLD "safeguard_hold"
#define WF_MT_M_UPGRADE_BLOCKED "upgrade_blocked"
#define WF_MT_M_SETUPDIAG_FAILURE "setupdiag_failure"
#define WF_MT_M_FAILUREDETAILS "FailureDetails"
#define WF_MT_M_0123456789ABCDEFABCDEF_2 "0123456789abcdefABCDEF"
#define WF_MT_M_EXTEND_CODE_0X_X "extend code 0x%X: "
#define WF_MT_M_0X_08X_S_S_S_2 "; 0x%08X%s%s%s%s"
#define WF_MT_M_TARGETRELEASEVERSION "TargetReleaseVersion"
#define WF_MT_M_PRODUCTVERSION "ProductVersion"
#define WF_MT_M_FEATURE_UPDATE_PINNED "feature_update_pinned"
#define WF_MT_M_DISABLEWUFBSAFEGUARDS "DisableWUfBSafeguards"
#define WF_MT_M_SAFEGUARD_HOLDS_OFF "safeguard_holds_off"
#define WF_MT_M_DISABLEWUFBSAFEGUARDS_1 "DisableWUfBSafeguards=1"
#define WF_MT_M_HOSTS_UNREADABLE "hosts_unreadable"
#define WF_MT_M_AND_U_MORE_LINES "\" and %u more lines"
#define WF_MT_M_HOSTS_BLOCKS_UPDATE "hosts_blocks_update"
#define WF_MT_M_CANNOT_BE_READ "cannot be read"
#define WF_MT_M_TRUSTEDINSTALLER "TrustedInstaller"
#define WF_MT_M_FIX_S_LLU_LLU "fix %s %llu %llu "
#define WF_MT_M_FIX_REG_S_U "fix reg %s %u "
#define WF_MT_M_SERVICE_D_S_S "service %d %s %s "
#define WF_MT_M_WUFIX_JOURNAL_D_N "wufix-journal %d\n"
#define WF_MT_M_TIME_SERVICE_DISABLED "time_service_disabled"
#define WF_MT_M_UNTIL_SZ_S "until %sZ (%s)"
#define WF_MT_M_UPDATES_PAUSED "updates_paused"
#define WF_MT_M_PAUSE_BEYOND_SETTINGS "pause_beyond_settings"
#define WF_MT_M_CANNOT_QUERY_S "cannot query '%s'"
#define WF_MT_M_DEPENDENCY_CYCLE "dependency cycle: "
#define WF_MT_M_DISABLEDUALSCAN "DisableDualScan"
#define WF_MT_M_POLICY_DUAL_SCAN "policy_dual_scan"
#define WF_MT_M_WINNINGPROVIDER "_WinningProvider"
#define WF_MT_M_POLICY_NO_SOURCE "policy_no_source"
#define WF_MT_M_POLICY_MANAGED "policy_managed"
#define WF_MT_M_POLICY_FILE_UNREADABLE "policy_file_unreadable"
#define WF_MT_M_HKLM_S_S_S_S "HKLM\\%s\\%s: %s%s%s%s"
#define WF_MT_M_HKLM_S_S_S "HKLM\\%s\\%s: %s"
#define WF_MT_M_S_ON_10S_S_S "%s on %.10s: %s%s%s"
#define WF_MT_M_REPAIR_FIXES_IT " (repair fixes it)"
#define WF_MT_M_UPDATE_SERVER "update server "
#define WF_MT_M_DOES_NOT_ANSWER " does not answer"
#define WF_MT_M_UPDATE_TASK_DISABLED "update_task_disabled"
#define WF_MT_M_RESTART_THE_PC "Restart the PC"
#define WF_MT_M_LOW_DISK_SPACE "low_disk_space"
#define WF_MT_M_IF_THAT_DOES_NOT_HELP "If that does not help, "
#define WF_MT_M_REGISTRY_UNREADABLE "registry_unreadable"
#define WF_MT_M_BLOCKER_IFEO_DEBUGGER "blocker_ifeo_debugger"
#define WF_MT_M_BLOCKER_WUB_BLOCKLISTS "blocker_wub_blocklists"
#define WF_MT_M_S_START_TYPE_S_S "%s: start type %s -> %s"
#define WF_MT_M_HKLM_S_S_S_S_2 "HKLM\\%s\\%s: %s -> %s"
#define WF_MT_M_TRIGGER_START ", Trigger Start"
#define WF_MT_M_TRIGGER_START_2 " (Trigger Start)"
#define WF_MT_M_PID_LAST_EXIT_N "PID     LAST EXIT\n"
#define WF_MT_M_ALREADY_STOPPED " (already stopped)"
#define WF_MT_M_ALREADY_RUNNING " (already running)"
#define WF_MT_M_PLAN_NOTHING_TO_DO_N "Plan: nothing to do.\n"
#define WF_MT_M_PLAN_U_STEP_S_S "Plan (%u step%s%s):\n"
#define WF_MT_M_S_S_WAS_ALREADY_S "  %s%s was already %s\n"
#define WF_MT_M_SCOULD_NOT_S_S "%scould not %s '%s': "
#define WF_MT_M_COULD_NOT_PUT_BACK "could not put back: "
#define WF_MT_M_EXIT_CODE_U_S_S ", exit code %u%s%s%s"
#define WF_MT_M_SDONE_S_U_STEP_S "%sDone:%s %u step%s"
#define WF_MT_M_IN_LLU_02LLU_S_N " in %llu.%02llu s.\n"
#define WF_MT_M_NOTHING_WAS_CHANGED_N_2 "nothing was changed.\n"
#define WF_MT_M_WINDOWS_BUILD "  Windows build "
#define WF_MT_M_NONE_IN_THE_LOG "none in the log"
#define WF_MT_M_BEFORE_THE_RESET_ON ", before the reset on "
#define WF_MT_M_WHAT_TO_DO_S "what to do: %s"
#define WF_MT_M_NOTHING_WAS_CHANGED "; nothing was changed."
#define WF_MT_M_R_NJOURNAL_S_S "\015\nJournal: %s%s."
#define WF_MT_M_START_TYPE ",\"start_type\":"
#define WF_MT_M_S_KIND_S "%s{\"kind\":\"%s\""
#define WF_MT_M_APPLIED_S ",\"applied\":%s}"
#define WF_MT_M_HRESULT_0X_08X ",\"hresult\":\"0x%08X\""
#define WF_MT_M_FAILURES_U_SINCE ",\"failures\":%u,\"since\":"
#define WF_MT_M_LOG_READ_S ",\"log_read\":%s"
#define WF_MT_M_LAST_INSTALL ",\"last_install\":"
#define WF_MT_M_LAST_INSTALL_KB ",\"last_install_kb\":"
#define WF_MT_M_EVIDENCE_FOUND ",\"evidence\":{\"found\":"
#define WF_MT_M_DISPLAY_NAME ",\"display_name\":"
#define WF_MT_M_UPDATE_TASK_MISSING "update_task_missing"
#define WF_MT_M_UPDATE_TASKS_SKIPPED "update_tasks_skipped"
#define WF_MT_M_PRESENT_ENABLED "present, enabled"
#define WF_MT_M_S_DISALLOWRUN "%s\\DisallowRun"
#define WF_MT_M_S_S_S "%.*s\\%.*s=%.*s"
#define WF_MT_M_POLICY_DISALLOW_RUN "policy_disallow_run"
#define WF_MT_M_NOWINDOWSUPDATE "NoWindowsUpdate"
#define WF_MT_M_HTTP_ONLY_NO_PEERS "HTTP only: no peers"
#define WF_MT_M_THE_ADMIN_S_CHOICE "the admin's choice"
#define WF_MT_M_POLICY_BLOCKS_ACCESS "policy_blocks_access"
#define WF_MT_M_POLICY_NO_AUTO_UPDATE "policy_no_auto_update"
#define WF_MT_M_DISABLEOSUPGRADE "DisableOSUpgrade"
#define WF_MT_M_0123456789ABCDEF "0123456789abcdef"
#define WF_MT_M_DEPENDONSERVICE "dependOnService"
#define WF_MT_M_REGISTRYVALUE "<registryValue"
#define WF_MT_M_PUT_BACK_S_N "  put back %s\n"
#define WF_MT_M_MADE_U_CHANGE_S_N "  made %u change%s\n"
#define WF_MT_M_SHELLEXECUTEEXW "ShellExecuteExW"
#define WF_MT_M_GETPROCESSWINDOWSTATION "GetProcessWindowStation"
#define WF_MT_M_RMSTARTSESSION "RmStartSession"
#define WF_MT_M_RMREGISTERRESOURCES "RmRegisterResources"
#define WF_MT_M_IT_COULD_NOT_BE_PROBED "it could not be probed"
#define WF_MT_M_COINITIALIZEEX "CoInitializeEx"
#define WF_MT_M_COINITIALIZESECURITY "CoInitializeSecurity"
#define WF_MT_M_COCREATEINSTANCE "CoCreateInstance"
#define WF_MT_M_COUNINITIALIZE "CoUninitialize"
#define WF_MT_M_SYSALLOCSTRING "SysAllocString"
#define WF_MT_M_WINE_GET_VERSION "wine_get_version"
#define WF_MT_M_NOT_SET_NO_POLICY_SOURCE_HOLDS "not set (no policy source holds it: wufix repair --policies deletes it)"
#define WF_MT_M_WUFIX_REPAIR_POLICIES_DELETES_THIS "wufix repair --policies deletes this bare write; wufix undo puts it back"
#define WF_MT_M_NOT_SET_NOT_CHANGED_ADMIN_S "not set (not changed: it is the admin's choice; delete %.*s to lift it)"
#define WF_MT_M_RECOVERY_ACTIONS_ZEROED "recovery_actions_zeroed"
#define WF_MT_M_NO_RECOVERY_ACTIONS "no recovery actions"
#define WF_MT_M_RESET_AFTER_U_MIN "; reset after %u min (Windows' manifest)"
#define WF_MT_M_RECOVERY_REMEDY "wufix does not change this service (Windows protects it): undo the tool that cleared its recovery actions (Aetherinox's pause utility: its windows-updates-unpause.reg), then restart Windows"
#define WF_MT_M_UPDATE_HEALTH_TOOLS_BROKEN "update_health_tools_broken"
#define WF_MT_M_PROGRAMFILESDIR "ProgramFilesDir"
#define WF_MT_M_HEALTH_TOOLS_EXE "%.*s\\Microsoft Update Health Tools\\uhssvc.exe"
#define WF_MT_M_S_S_PRESENT "%s; %s present"
#define WF_MT_M_HEALTH_TOOLS_REMEDY "reinstall the Microsoft Update Health Tools from Microsoft: KB4023057, or their package on the Microsoft Download Center"
#define WF_MT_M_THE_PERSISTENT_ROUTE_S_MASK "the persistent route %s mask %s to %s (metric %lu): %s is %s's address now"
#define WF_MT_M_NO_SUCH_ROUTE_REMOVE_IT "no such route (remove it: route delete %s mask %s %s)"
#define WF_MT_M_S_S_IS_S_S_ADDRESS_NOW "%s: %s is %s's address now"
#define WF_MT_M_DNS_IS_NOT_ASKED_FROM "DNS is not asked from here for another machine"
#define WF_MT_M_S_NO_ANSWER_FROM_DNS "%s: no answer from DNS within %u ms"
#define WF_MT_M_THEY_RESOLVE_TO_0_0 "they resolve to 0.0.0.0 or the loopback only (the hosts file)"
#define WF_MT_M_NONE_OF_WINDOWS_UPDATE_S_SERVER "none of Windows Update's server names resolved"
#define WF_MT_M_WINDOWS_UPDATE_S_SERVER_NAMES "Windows Update's server names resolved by DNS, to judge rules and routes by address"
#define WF_MT_M_UPDATE_HOSTS_NOT_RESOLVED "update_hosts_not_resolved"
#define WF_MT_M_ROUTE_BLOCKS_UPDATE "route_blocks_update"
#define WF_MT_M_SYSTEM_CURRENTCONTROLSET_SERVICES_TCPIP_PERSISTENT "SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\PersistentRoutes"
#define WF_MT_M_ACCESS_IS_DENIED_THERE "access is denied there"
#define WF_MT_M_BE_AN_ADMINISTRATOR_ON_IT "be an administrator on it: a domain account in its Administrators group (a local account is filtered by UAC remote restrictions unless LocalAccountTokenFilterPolicy=1 is set there)"
#define WF_MT_M_THE_USER_NAME_OR_PASSWORD "the user name or password is not accepted there"
#define WF_MT_M_THE_ACCOUNT_WUFIX_RUNS_AS "the account wufix runs as, and that the machine trusts its domain"
#define WF_MT_M_ANOTHER_CONNECTION_TO_IT_USES "another connection to it uses other credentials"
#define WF_MT_M_CLOSE_THAT_CONNECTION_NET_USE "close that connection (net use \\\\NAME\\IPC$ /delete) and try again"
#define WF_MT_M_THE_NETWORK_PATH_WAS_NOT "the network path was not found"
#define WF_MT_M_THE_NAME_IN_DNS_THAT "the name in DNS, that the machine is on, and the firewall rule group \"File and Printer Sharing\""
#define WF_MT_M_THE_RPC_SERVER_IS_UNAVAILABLE "the RPC server is unavailable"
#define WF_MT_M_THAT_THE_MACHINE_IS_ON "that the machine is on, that TCP 135 and 445 reach it, and the firewall rule group \"Remote Service Management\" there"
#define WF_MT_M_THE_ENDPOINT_MAPPER_HAS_NO "the endpoint mapper has no endpoint for the service control manager"
#define WF_MT_M_THE_DYNAMIC_RPC_PORTS_49152 "the dynamic RPC ports (49152-65535) the firewall rule group \"Remote Service Management\" opens"
#define WF_MT_M_THE_REMOTE_CALL_FAILED_AND "the remote call failed and did not run"
#define WF_MT_M_TRY_AGAIN_NOTHING_WAS_DONE "try again: nothing was done there"
#define WF_MT_M_THE_REMOTE_CALL_FAILED_AND_2 "the remote call failed and may have run"
#define WF_MT_M_LOOK_WITH_WUFIX_STATUS_COMPUTER "look with 'wufix status --computer NAME' before trying again"
#define WF_MT_M_THE_NAME_DOES_NOT_RESOLVE "the name does not resolve"
#define WF_MT_M_THE_SPELLING_AND_DNS_NSLOOKUP "the spelling, and DNS (nslookup NAME)"
#define WF_MT_M_NO_ANSWER_WITHIN_THE_CONNECT "no answer within the connect deadline"
#define WF_MT_M_THAT_THE_MACHINE_IS_ON_2 "that the machine is on and reachable; a slow link needs a longer --connect-timeout"
#define WF_MT_M_CHECK_FOUND_PROBLEMS "check found problems"
#define WF_MT_M_ADMINISTRATOR_RIGHTS_NEEDED "administrator rights needed"
#define WF_MT_M_A_SERVICE_FAILED_TO_REACH "a service failed to reach its state or timed out"
#define WF_MT_M_BLOCKED_BY_CONFIGURATION "blocked by configuration"
#define WF_MT_M_BUSY_ANOTHER_WUFIX_IS_RUNNING "busy: another wufix is running, or Windows is installing"
#define WF_MT_M_INTERRUPTED_SERVICES_WERE_PUT_BACK "interrupted; services were put back"
#define WF_MT_M_UNEXPECTED_SYSTEM_ERROR "unexpected system error"
#define WF_MT_M_SUCCESS_A_RESTART_OF_WINDOWS "success; a restart of Windows is needed"
#define WF_MT_M_TRY_AGAIN_WITH_A_LONGER "try again with a longer --timeout (or --force), or restart Windows"
#define WF_MT_M_RUN_WUFIX_FROM_AN_ELEVATED "run wufix from an elevated prompt (Run as administrator)"
#define WF_MT_M_ITS_START_TYPE_IS_DISABLED "its start type is Disabled; set it to Manual or Automatic first"
#define WF_MT_M_THE_SERVICE_IS_NOT_INSTALLED "the service is not installed on this machine"
#define WF_MT_M_THE_SERVICE_IS_MARKED_FOR "the service is marked for deletion; restart Windows"
#define WF_MT_M_TRY_AGAIN_WITH_A_LONGER_2 "try again with a longer --timeout, or restart Windows"
#define WF_MT_M_INTERRUPTED_SERVICES_WERE_PUT_BACK_2 "interrupted; services were put back as they were"
#define WF_MT_M_SEE_THE_SYSTEM_EVENT_LOG "see the System event log for the service's own words"
#define WF_MT_M_A_SERVICE_IT_DEPENDS_ON "a service it depends on failed to start"
#define WF_MT_M_THE_SERVICE_DOES_NOT_ACCEPT "the service does not accept a stop request"
#define WF_MT_M_USAGE_WUFIX_COMMAND_OPTIONS_WUFIX "usage: wufix [COMMAND] [OPTIONS]   ('wufix help' lists commands and options)"
#define WF_MT_M_DID_NOT_COMPLETE_AND_WAS "did not complete and was put back already"
#define WF_MT_M_LEFT_AS_THEY_ARE_PROTECTED "Left as they are (protected by Windows: shown, never stopped or changed):"
#define WF_MT_M_SDDL_WU "D:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)S:(AU;FA;CCDCLCSWRPWPDTLOSDRCWDWO;;;WD)"
#define WF_MT_M_DEF_WINDOWS_UPDATE "Windows Update"
#define WF_MT_M_DEF_EXE_K_NETSVCS "%systemroot%\\system32\\svchost.exe -k netsvcs"
#define WF_MT_M_DEF_SYSTEM32_WUAUENG_DLL "%systemroot%\\system32\\wuaueng.dll"
#define WF_MT_M_DEF_LOCALSYSTEM "LocalSystem"
#define WF_MT_M_DEF_RPCSS "rpcss"
#define WF_MT_M_DEF_K_NETSVCS_P "%systemroot%\\system32\\svchost.exe -k netsvcs -p"
#define WF_MT_M_DEF_UPDATE_ORCHESTRATOR_SERVICE "Update Orchestrator Service"
#define WF_MT_M_DEF_SYSTEM32_USOCORE_DLL "%systemroot%\\system32\\usocore.dll"
#define WF_MT_M_DEF_SYSTEM32_USOSVC_DLL "%systemroot%\\system32\\usosvc.dll"
#define WF_MT_M_SDDL_BITS "O:BAG:BAD:(A;CI;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)S:(AU;SAFA;WDWO;;;BA)"
#define WF_MT_M_DEF_INTELLIGENT_TRANSFER_SERVICE "Background Intelligent Transfer Service"
#define WF_MT_M_DEF_EXE_K_NETSVCS_2 "%SystemRoot%\\System32\\svchost.exe -k netsvcs"
#define WF_MT_M_DEF_SYSTEM32_QMGR_DLL "%SystemRoot%\\System32\\qmgr.dll"
#define WF_MT_M_DEF_RPCSS_2 "RpcSs"
#define WF_MT_M_DEF_K_NETSVCS_P_2 "%SystemRoot%\\System32\\svchost.exe -k netsvcs -p"
#define WF_MT_M_DEF_NT_AUTHORITY_NETWORKSERVICE "NT Authority\\NetworkService"
#define WF_MT_M_DEF_CRYPTOGRAPHIC_SERVICES "Cryptographic Services"
#define WF_MT_M_DEF_EXE_K_NETWORKSERVICE "%SystemRoot%\\system32\\svchost.exe -k NetworkService"
#define WF_MT_M_DEF_SYSTEM32_CRYPTSVC_DLL "%SystemRoot%\\system32\\cryptsvc.dll"
#define WF_MT_M_SDDL_CRYPT "O:SYG:SYD:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)(A;;CCLCSWRPWPDTLOCRRC;;;SO)(A;;CCLCSWLORC;;;AC)(A;;CCLCSWLORC;;;S-1-15-3-1024-3203351429-2120443784-2872670797-1918958302-2829055647-4275794519-765664414-2751773334)"
#define WF_MT_M_DEF_K_NETWORKSERVICE_P "%SystemRoot%\\system32\\svchost.exe -k NetworkService -p"
#define WF_MT_M_DEF_DELIVERY_OPTIMIZATION "Delivery Optimization"
#define WF_MT_M_DEF_SYSTEM32_DOSVC_DLL "%SystemRoot%\\system32\\dosvc.dll"
#define WF_MT_M_SDDL_DO_DCRC "O:SYG:SYD:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;DCRC;;;S-1-5-80-3055155277-3816794035-3994065555-2874236192-2193176987)S:(AU;FA;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;WD)"
#define WF_MT_M_DEF_K_NETWORKSERVICE_P_2 "%SystemRoot%\\System32\\svchost.exe -k NetworkService -p"
#define WF_MT_M_SDDL_DO_DCWPRC "O:SYG:SYD:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;DCWPRC;;;S-1-5-80-3055155277-3816794035-3994065555-2874236192-2193176987)S:(AU;FA;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;WD)"
#define WF_MT_M_DEF_UPDATE_MEDIC_SERVICE "Windows Update Medic Service"
#define WF_MT_M_DEF_K_WUSVCS_P "%systemroot%\\system32\\svchost.exe -k wusvcs -p"
#define WF_MT_M_DEF_SYSTEM32_WAASMEDICSVC_DLL "%SystemRoot%\\System32\\WaaSMedicSvc.dll"
#define WF_MT_M_DEF_SERVICING_TRUSTEDINSTALLER_EXE "%SystemRoot%\\servicing\\TrustedInstaller.exe"
#define WF_MT_M_SDDL_TI "O:BAG:BAD:(A;CI;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;CCDCLCSWRPWPDTLOCRRC;;;BA)(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)S:(AU;SAFA;WDWO;;;BA)"
#define WF_MT_M_DEF_WINDOWS_MODULES_INSTALLER "Windows Modules Installer"
#define WF_MT_M_DEF_LOCALSYSTEM_2 "localSystem"
#define WF_MT_M_DEF_APP_READINESS "App Readiness"
#define WF_MT_M_DEF_SIGN_IN_ASSISTANT "Microsoft Account Sign-in Assistant"
#define WF_MT_M_REPEATED_RESET_REMEDY "resetting again will not help: from an elevated prompt run 'DISM /Online /Cleanup-Image /RestoreHealth', then try the update again; if it still fails, repair Windows in place: Settings > System > Recovery > \"Fix problems using Windows Update\" where Settings offers it, else an in-place upgrade from Microsoft's installation media (setup.exe, keeping files and apps)"
#define WF_MT_M_ATTACH_S_LU "--attach-%s %lu"
#define WF_MT_M_ITS_NAME_DID_NOT_RESOLVE "its name did not resolve within %u ms"
#define WF_MT_M_TCP_U_S_WITHIN_U "TCP %u: %s, within %u ms"
#define WF_MT_M_04U_02U_02UT_02U_02U "%04u-%02u-%02uT%02u:%02u:%02uZ"
#define WF_MT_M_TCP_135_RPC_S_TCP "TCP 135 (RPC): %s, TCP 445 (SMB): %s, within %u ms"
#define WF_MT_M_TCP_135_RPC_S_THE "TCP 135 (RPC) %s: the connection goes through SMB named pipes, which can take about 21 s"
#define WF_MT_M_TCP_445_SMB_S_ITS "TCP 445 (SMB) %s: its registry and admin share cannot be reached"
#define WF_MT_M_TCP_445_SMB_S "TCP 445 (SMB) %s"
#define WF_MT_M_S_CANNOT_BE_OPENED_ERROR "%s cannot be opened (error %lu)"
#define WF_MT_M_S_CANNOT_BE_CREATED_ERROR "%s cannot be created (error %lu)"
#define WF_MT_M_THE_LIST_OF_S_COULD "the list of %s could not be narrowed to SYSTEM and Administrators (error %lu); standard users may still list it"
#define WF_MT_M_S_CANNOT_BE_USED_S "%s cannot be used (%s) and cannot be set aside (error %lu)"
#define WF_MT_M_S_WAS_SET_ASIDE_AS "%s was set aside as %s (%s) and cannot be made anew (error %lu)"
#define WF_MT_M_S_CANNOT_BE_MADE_SAFE "%s cannot be made safe: %s"
#define WF_MT_M_S_WAS_NOT_SAFE_TO "%s was not safe to use (%s); it was set aside as %s, its contents not read, and made anew"
#define WF_MT_M_IT_CANNOT_BE_OPENED_LU "it cannot be opened (%lu)"
#define WF_MT_M_PROGRAMDATA_WUFIX_S "%%ProgramData%%\\wufix\\%s"
#define WF_MT_M_THE_TASK_SCHEDULER_ANSWERED_0X "the Task Scheduler answered 0x%08lX%s"
#define WF_MT_M_S_ITS_REGISTRY_IS_REACHED "%s; its registry is reached through SMB"
#define WF_MT_M_S_THE_FIREWALL_RULE_GROUP "%s; the firewall rule group \"File and Printer Sharing\" must allow it"
#define WF_MT_M_ITS_REGISTRY_DOES_NOT_ANSWER "its registry does not answer (%lu: %s); the RemoteRegistry service must run there"
#define WF_MT_M_S_CANNOT_BE_READ_LU "%s cannot be read (%lu: %s); the admin share and the firewall rule group \"File and Printer Sharing\" must allow it"
#define WF_MT_M_SYSTEMROOT_SOFTWAREDISTRIBUTION_REPORTINGEVENT "%SystemRoot%\\SoftwareDistribution\\ReportingEvents.log"
#define WF_MT_M_SYSTEMROOT_LOGS_CBS_CBS_LOG "%SystemRoot%\\Logs\\CBS\\CBS.log"
#define WF_MT_M_SYSTEMROOT_LOGS_DISM_DISM_LOG "%SystemRoot%\\Logs\\DISM\\dism.log"
#define WF_MT_M_SYSTEMROOT_PANTHER_SETUPACT_LOG "%SystemRoot%\\Panther\\setupact.log"
#define WF_MT_M_SYSTEMROOT_PANTHER_SETUPERR_LOG "%SystemRoot%\\Panther\\setuperr.log"
#define WF_MT_M_SYSTEMROOT_SYSTEM32_RECOVERY_REAGENT_XML "%SystemRoot%\\System32\\Recovery\\ReAgent.xml"
#define WF_MT_M_UPGRADE_PHASES "UNKNOWN DOWNLEVEL SAFE_OS FIRST_BOOT OOBE_BOOT UNINSTALL"
#define WF_MT_M_UPGRADE_OPERATIONS "UNKNOWN COPY_PAYLOAD DOWNLOAD_UPDATES INSTALL_UPDATES INSTALL_RECOVERY_ENVIRONMENT INSTALL_RECOVERY_IMAGE REPLICATE_OC INSTALL_DRVIERS PREPARE_SAFE_OS PREPARE_ROLLBACK PREPARE_FIRST_BOOT PREPARE_OOBE_BOOT APPLY_IMAGE MIGRATE_DATA SET_PRODUCT_KEY ADD_UNATTEND ADD_DRIVER ENABLE_FEATURE DISABLE_FEATURE REGISTER_ASYNC_PROCESS REGISTER_SYNC_PROCESS CREATE_FILE CREATE_REGISTRY BOOT SYSPREP OOBE BEGIN_FIRST_BOOT END_FIRST_BOOT BEGIN_OOBE_BOOT END_OOBE_BOOT PRE_OOBE POST_OOBE ADD_PROVISIONING_PACKAGE"
#define WF_MT_M_CONTACT_IT_SUPPORT "contact IT support, or whoever looks after this PC, and tell them: "
#define WF_MT_M_CONTACT_IT_SUPPORT_FIRST "Contact IT support, or whoever looks after this PC, and tell them: "
#define WF_MT_M_HKLM_PENDING_FILE_RENAMES "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\PendingFileRenameOperations"
#define WF_MT_M_WUAUSERV "wuauserv"
#define WF_MT_M_USOSVC "UsoSvc"
#define WF_MT_M_BITS "BITS"
#define WF_MT_M_CRYPTSVC "CryptSvc"
#define WF_MT_M_DOSVC "DoSvc"
#define WF_MT_M_WAASMEDICSVC "WaaSMedicSvc"
#define WF_MT_M_APPREADINESS "AppReadiness"
#define WF_MT_M_WLIDSVC "wlidsvc"
#define WF_MT_M_THE_SERVICE_IS_NOT_INSTALLED_2 "the service is not installed"
#define WF_MT_M_THE_SERVICE_IS_DISABLED_WUFIX "the service is disabled; 'wufix repair' turns it back on"
#define WF_MT_M_THE_SERVICE_IS_MARKED_FOR_2 "the service is marked for deletion and is removed when it stops; restart Windows, then reinstall it (an in-place upgrade of Windows does)"
#define WF_MT_M_WINRE_S_REAGENT_XML "WinRE %s (ReAgent.xml: InstallState %s, WinreLocation %s, WinreBCD %s)"
#define WF_MT_M_ANOTHER_MACHINE_S_CANNOT_BE " (another machine's cannot be asked from here)"
#define WF_MT_M_250_MB_FREE_IN_THE "250 MB free in the recovery partition (KB5028997)"
#define WF_MT_M_GIVE_THE_RECOVERY_PARTITION_250 "give the recovery partition 250 MB free: Microsoft's steps, KB5028997"
#define WF_MT_M_THIS_MACHINE_S_CLOCK_SAYS "this machine's clock says %.20s, %s's Date %s: %lld s %s%s"
#define WF_MT_M_THE_LIKELY_CAUSE_OF_0X80072F8F "; the likely cause of the failure 0x80072F8F"
#define WF_MT_M_WITHIN_5_MINUTES_OF_THE "within 5 minutes of the server's Date (Kerberos' default tolerance)"
#define WF_MT_M_SYNC_THE_CLOCK_W32TM_RESYNC "sync the clock: 'w32tm /resync' from an elevated prompt, or Settings > Time & language > Sync now"
#define WF_MT_M_WUFIX_REPAIR_POLICIES_UNDO "wufix repair --policies ('wufix undo' puts it back)"
#define WF_MT_M_0123456789 "0123456789:."
#define WF_MT_M_10S_5S_S "%.10s %.5s%s"
#define WF_MT_M_RESTART_AFTER "restart after "
#define WF_MT_M_OUT_OF_MEMORY "out_of_memory"
#define WF_MT_M_TOO_MANY_SERVICES "too_many_services"
#define WF_MT_M_DEPENDENCY_CYCLE_2 "dependency_cycle"
#define WF_MT_M_ACCESS_DENIED "access_denied"
#define WF_MT_M_NOT_INSTALLED "not_installed"
#define WF_MT_M_MARKED_FOR_DELETE "marked_for_delete"
#define WF_MT_M_ALREADY_RUNNING_2 "already_running"
#define WF_MT_M_CANNOT_ACCEPT_CONTROL "cannot_accept_control"
#define WF_MT_M_DATABASE_LOCKED "database_locked"
#define WF_MT_M_DEPENDENTS_RUNNING "dependents_running"
#define WF_MT_M_INVALID_CONTROL "invalid_control"
#define WF_MT_M_REQUEST_TIMEOUT "request_timeout"
#define WF_MT_M_DEPENDENCY_FAILED "dependency_failed"
#define WF_MT_M_START_FAILED "start_failed"
#define WF_MT_M_NOT_STOPPABLE "not_stoppable"
#define WF_MT_M_SYSTEM_ERROR "system_error"
#define WF_MT_M_JOURNAL_ERROR "journal_error"
#define WF_MT_M_FACILITY_0X_X "facility 0x%X"
#define WF_MT_M_DELETEKEYS "**deletekeys"
#define WF_MT_M_NO_ACCESS_CONTROL "NO_ACCESS_CONTROL"
#define WF_MT_M_START_PENDING "start_pending"
#define WF_MT_M_STOP_PENDING "stop_pending"
#define WF_MT_M_CONTINUE_PENDING "continue_pending"
#define WF_MT_M_PAUSE_PENDING "pause_pending"
#define WF_MT_M_AUTO_DELAYED "auto_delayed"
#define WF_MT_M_NOT_INSTALLED_2 "Not installed"
#define WF_MT_M_AUTOMATIC_DELAYED "Automatic (delayed)"
#define WF_MT_M_OF_MACHINES " of machines"
#define WF_MT_M_HELP_VERSION "    --version"
#define WF_MT_M_WUFIX_STARTED "wufix started"
#define WF_MT_M_REG_KEY_HEAD "\015\n[HKLM\\%s]\015\n"
#define WF_MT_M_NOT_THERE_R_N "; not there\015\n"
#define WF_MT_M_REG_VALUE_SZ " = %s:\"%s\"\015\n"
#define WF_MT_M_SYSTEMROOT "%SystemRoot%"
#define WF_MT_M_REGISTRY_TXT "registry.txt"
#define WF_MT_M_JSON_COMPUTER ",\"computer\":"
#define WF_MT_M_MANIFEST_JSON "manifest.json"
#define WF_MT_M_ON_D_S_D " on %d %s %d"
#define WF_MT_M_YES_FIXES_IT "Yes fixes it"
#define WF_MT_M_REPAIRED_U "repaired %u; "
#define WF_MT_M_COMPUTER_COLON "--computer: "
#define WF_MT_M_ACCESS_DENIED_2 "access denied"
#define WF_MT_M_THIS_MACHINE "this machine"
#define WF_MT_M_S_RECREATED "%s-recreated"
#define WF_MT_M_CURRENTBUILD "CurrentBuild"
#define WF_MT_M_JSON_PROBLEMS_TEXT ",\"problems\":\""
#define WF_MT_M_SYSTEMROOT_SLASH "%SystemRoot%\\"
#define WF_MT_M_DEPENDENCIES "dependencies"
#define WF_MT_M_NOT_INSTALLED_3 "not installed"
#define WF_MT_M_SERVICE_CODE "service code "
#define WF_MT_M_STUCK_PENDING "stuck_pending"
#define WF_MT_M_NOT_DISABLED "not disabled"
#define WF_MT_M_SINCE_10S "; since %.10s"
#define WF_MT_M_INSTALLED_NOT_DISABLED "installed, not disabled"
#define WF_MT_M_FILES_SKIPPED "files_skipped"
#define WF_MT_M_GATEDBLOCKID "GatedBlockId"
#define WF_MT_M_DATABASEPATH "DataBasePath"
#define WF_MT_M_TIWORKER_EXE "TiWorker.exe"
#define WF_MT_M_WUFIX_JOURNAL "wufix-journal"
#define WF_MT_M_99_AAA_9999_99_99 ", 99 aaa 9999 99:99:99 GMT"
#define WF_MT_M_99_AAA_99_99_99 ", 99-aaa-99 99:99:99 GMT"
#define WF_MT_M_AAA_9_99_99_99 " aaa _9 99:99:99 9999"
#define WF_MT_M_REAGENT_XML_S "ReAgent.xml %s"
#define WF_MT_M_OVER_64_KB_NOT_READ "over 64 KB, not read"
#define WF_MT_M_INSTALLSTATE "InstallState"
#define WF_MT_M_REAGENT_XML_HAS_NO_INSTALLSTATE "ReAgent.xml has no InstallState"
#define WF_MT_M_STATE_UNKNOWN "state unknown"
#define WF_MT_M_WINRELOCATION "WinreLocation"
#define WF_MT_M_RECOVERY_PARTITION "recovery partition"
#define WF_MT_M_SYSTEM_PARTITION "system partition"
#define WF_MT_M_S_SS_NOT_MEASURED_S "%s%ss not measured%s"
#define WF_MT_M_S_S_S_LLU_MB "%s%s %s: %llu MB free of %llu MB"
#define WF_MT_M_S_S_S_FREE_SPACE "%s%s %s: free space not read"
#define WF_MT_M_SNO_S_FOUND "%sno %s found"
#define WF_MT_M_RECOVERY_PARTITION_SPACE "recovery_partition_space"
#define WF_MT_M_SYSTEM_PARTITION_SPACE "system_partition_space"
#define WF_MT_M_TIME_SYNC_OFF "time_sync_off"
#define WF_MT_M_S_REGISTRY_POL "%.*s\\Registry.pol"
#define WF_MT_M_PROVIDERSET "_ProviderSet"
#define WF_MT_M_NOAUTOUPDATE "NoAutoUpdate"
#define WF_MT_M_0X_08X_S_S_S_3 "0x%08X %s%s%s"
#define WF_MT_M_S_BUILD_S "%s (build %s)"
#define WF_MT_M_HKLM_KEY_VALUE "HKLM\\%.*s\\%s"
#define WF_MT_M_DISPLAY_NAME_HEAD "DISPLAY NAME"
#define WF_MT_M_SERVICE_STOP "SERVICE_STOP"
#define WF_MT_M_SERVICE_START "SERVICE_START"
#define WF_MT_M_U_CHANGE_S ", %u change%s"
#define WF_MT_M_SFAILED_S "%sFailed:%s "
#define WF_MT_M_LLU_01LLU_S "%llu.%01llu s"
#define WF_MT_M_S_BEFORE " (%s before)"
#define WF_MT_M_JSON_LAST_SCAN ",\"last_scan\":"
#define WF_MT_M_JSON_PROBLEMS ",\"problems\":["
#define WF_MT_M_JSON_NEXT_SERVICE ",{\"service\":"
#define WF_MT_M_JSON_EXPECTED ",\"expected\":"
#define WF_MT_M_JSON_SERVICES ",\"services\":["
#define WF_MT_M_JSON_ACTIONS ",\"actions\":["
#define WF_MT_M_JSON_CHANGES ",\"changes\":["
#define WF_MT_M_POLICY_FOUND_1 "%s%.*s\\%.*s=1"
#define WF_MT_M_SERVICEDATA "<serviceData"
#define WF_MT_M_RMENDSESSION "RmEndSession"
#define WF_MT_M_PROGRAMDATA_WUFIX_JOURNAL_TXT "%ProgramData%\\wufix\\journal.txt"
#define WF_MT_M_HEAD_HTTP_1_1_R "HEAD / HTTP/1.1\015\nHost: %s\015\nConnection: close\015\n\015\n"
#define WF_MT_M_SYSFREESTRING "SysFreeString"
#define WF_MT_M_COMMAND_HISTORY_COMPUTER "{\"command\":\"history\",\"computer\":"
#define WF_MT_M_UPDATE_SOURCE_NOT_PROBED "update_source_not_probed"
#define WF_MT_M_PROBED_FROM_THE_MACHINE_ITSELF "probed from the machine itself (a probe from here says nothing of it)"
#define WF_MT_M_FIX_START_S_S "fix start %s %s "
#define WF_MT_M_COMMAND_S_NSTARTED_S_NPID "command %s\nstarted %s\npid %u\nopen %d\noutcome %s\n"
#define WF_MT_M_JSON_UPDATING_BUILD ",\"updating\":{\"build\":"
#define WF_MT_M_JSON_POLICIES ",\"policies\":["
#define WF_MT_M_DISABLED_BY_MDM_POLICY_WLID "disabled by MDM policy (HKLM\\SOFTWARE\\Microsoft\\PolicyManager\\current\\device\\Accounts\\AllowMicrosoftAccountSignInAssistant=0): left as the organization set it"
#define WF_MT_M_THE_WINHTTP_PROXY_SETTING "the WinHTTP proxy, HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections\\WinHttpSettings"
#define WF_MT_M_A_REACHABLE_UPDATE_SERVER_OR_DELETE "a reachable update server, or delete HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU\\UseWUServer"
#define WF_MT_M_HKLM_POLICY_WUSERVER_S "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\WUServer=%.*s"
#define WF_MT_M_KEY_GP_HISTORY_REGISTRY_S "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Group Policy\\History\\{35378EAC-683F-11D2-A89A-00C04FBBCFA2}\\%.200s"
#define WF_MT_M_KEY_GP_HISTORY_REGISTRY "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Group Policy\\History\\{35378EAC-683F-11D2-A89A-00C04FBBCFA2}"
#define WF_MT_M_KEY_INDICATORS_S "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\AppCompatFlags\\TargetVersionUpgradeExperienceIndicators\\%s"
#define WF_MT_M_KEY_INDICATORS "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\AppCompatFlags\\TargetVersionUpgradeExperienceIndicators"
#define WF_MT_M_HKLM_W32TIME_START_4_DISABLED "HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Start=4 (disabled)"
#define WF_MT_M_HKLM_W32TIME_TYPE_NOSYNC "HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters\\Type=NoSync"
#define WF_MT_M_KEY_W32TIME_PARAMETERS "SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters"
#define WF_MT_M_KEY_W32TIME "SYSTEM\\CurrentControlSet\\Services\\W32Time"
#define WF_MT_M_KEY_IFEO_S "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\%s"
#define WF_MT_M_KEY_SERVICES_S_S "SYSTEM\\CurrentControlSet\\Services\\%s%s"
#define WF_MT_M_KEY_SERVICES_S_PARAMETERS "SYSTEM\\CurrentControlSet\\Services\\%s\\Parameters"
#define WF_MT_M_KEY_SERVICES_S "SYSTEM\\CurrentControlSet\\Services\\%s"
#define WF_MT_M_KEY_SESSION_MANAGER "SYSTEM\\CurrentControlSet\\Control\\Session Manager"
#define WF_MT_M_KEY_TCPIP_PARAMETERS "SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters"
#define WF_MT_M_PREG_LOCAL "%windir%\\System32\\GroupPolicy\\Machine\\Registry.pol"
#define WF_MT_M_WAAS_DIR "%windir%\\WaaS\\services"
#define WF_MT_M_KEY_CURRENT_VERSION "SOFTWARE\\Microsoft\\Windows\\CurrentVersion"
#define WF_MT_M_U_U_U_U "%u.%u.%u.%u"
#define WF_MT_M_NOT_ACTIVE "not_active"
#define WF_MT_M_UNREACHABLE "unreachable"
#define WF_MT_M_INTERRUPTED "interrupted"
#define WF_MT_M_USAGE_ERROR "usage error"
#define WF_MT_M_OF_SECONDS " of seconds"
#define WF_MT_M_PARALLEL "--parallel"
#define WF_MT_M_OF_RESULTS " of results"
#define WF_MT_M_S_S_S_S "%s--%s%s%s"
#define WF_MT_M_NEXAMPLES_N "\nExamples:\n"
#define WF_MT_M_NOPTIONS_N "\nOptions:\n"
#define WF_MT_M_JSON_SOURCE ",\"source\":"
#define WF_MT_M_JSON_NEXT_SOURCE ",{\"source\":"
#define WF_MT_M_JSON_SOURCE_FIRST "{\"source\":"
#define WF_MT_M_CHECK_JSON "check.json"
#define WF_MT_M_JOURNAL_TXT "journal.txt"
#define WF_MT_M_THE_JOURNAL "the journal"
#define WF_MT_M_NO_JOURNAL "no journal"
#define WF_MT_M_CANNOT_PLAN "cannot plan"
#define WF_MT_M_LLU_LLU_S "%llu.%llu s"
#define WF_MT_M_AN_UPDATE " an update"
#define WF_MT_M_WUFIX_CAN " wufix can "
#define WF_MT_M_TO_FIX_IT "To fix it: "
#define WF_MT_M_YES_FIXES "Yes fixes "
#define WF_MT_M_REPAIR_NOW "Repair now?"
#define WF_MT_M_HEALTHY_N "  healthy\n"
#define WF_MT_M_0X_08X_S "0x%08X (%s)"
#define WF_MT_M_JSON_UPDATE ",\"update\":"
#define WF_MT_M_WAS_AN_UNDO "was an undo"
#define WF_MT_M_WUFIX_S_N "wufix: %s\n"
#define WF_MT_M_S_S_S_S_2 "%s: %s%s%s"
#define WF_MT_M_0123456789_2 "0123456789;"
#define WF_MT_M_LLU_BYTE_S "%llu byte%s"
#define WF_MT_M_S_WUFIX_S "%s.wufix-%s"
#define WF_MT_M_S_NULL ",\"%s\":null"
#define WF_MT_M_S_LLD ",\"%s\":%lld"
#define WF_MT_M_START_TYPE_2 "start_type"
#define WF_MT_M_NOT_RUNNING "not_running"
#define WF_MT_M_IMAGE_PATH "image_path"
#define WF_MT_M_PARAMETERS "\\Parameters"
#define WF_MT_M_SERVICEDLL "ServiceDll"
#define WF_MT_M_SERVICE_DLL "service_dll"
#define WF_MT_M_UNREADABLE "unreadable"
#define WF_MT_M_SSTART_S "%sstart %s"
#define WF_MT_M_900S_S "%.900s (%s)"
#define WF_MT_M_USEWUSERVER "UseWUServer"
#define WF_MT_M_SVCHOST_EXE "svchost.exe"
#define WF_MT_M_A_POLICY_S "a policy's"
#define WF_MT_M_100S_S "%.100s: %s"
#define WF_MT_M_PROFILENAME "ProfileName"
#define WF_MT_M_700S_S "%.700s: %s"
#define WF_MT_M_OVER_16_MIB "over 16 MiB"
#define WF_MT_M_UNDOES_S_N "undoes %s\n"
#define WF_MT_M_UNRECORDED "unrecorded"
#define WF_MT_M_CLOCK_SKEW "clock_skew"
#define WF_MT_M_NOT_PAUSED "not paused"
#define WF_MT_M_FILESYSPATH "FileSysPath"
#define WF_MT_M_DISPLAYNAME "DisplayName"
#define WF_MT_M_LEFT_S_N "  left: %s\n"
#define WF_MT_M_START_TYPE_3 "START TYPE"
#define WF_MT_M_PUT_BACK "put back: "
#define WF_MT_M_TEN_SPACES "          "
#define WF_MT_M_R_NCHANGED "\015\nChanged:"
#define WF_MT_M_JSON_SERVICE ",\"service\":"
#define WF_MT_M_JSON_MEANING ",\"meaning\":"
#define WF_MT_M_JSON_VERSION ",\"version\":"
#define WF_MT_M_JSON_EDITION ",\"edition\":"
#define WF_MT_M_JSON_SERVICE_FIRST "{\"service\":"
#define WF_MT_M_JSON_PROGRAM ",\"program\":"
#define WF_MT_M_JSON_MESSAGE ",\"message\":"
#define WF_MT_M_JSON_REMEDY ",\"remedy\":"
#define WF_MT_M_JSON_COMMAND "{\"command\":"
#define WF_MT_M_JSON_ERROR "],\"error\":"
#define WF_MT_M_DISALLOWRUN "DisallowRun"
#define WF_MT_M_ROLLED_BACK "rolled_back"
#define WF_MT_M_HKEY_USERS "HKEY_USERS"
#define WF_MA_M_LOG_TIME_S_000_000 27753u
#define WF_MA_M_SETUP_API_SETUPAPI_OR_COMPONENT 27862u
#define WF_MA_M_PHASE_U_S_OPERATION_0X 27912u
#define WF_MA_M_WUFIX_OUT_OF_MEMORY_WHILE 27949u
#define WF_MA_M_AN_ENTRY_OF_AN_UNKNOWN 27996u
#define WF_MA_M_00000000_0000_0000_0000_000000000000 28024u
#define WF_MA_M_USAGE_WUFIX_S_S_S 28063u
#define WF_MA_M_S_S_IS_NOT_A 28131u
#define WF_MA_M_COMPUTER_AN_EMPTY_MACHINE_NAME 28176u
#define WF_MA_M_COMPUTER_THE_MACHINE_NAME_S 28215u
#define WF_MA_M_COMPUTER_S_IS_NOT_A 28277u
#define WF_MA_M_COMPUTER_S_IS_NOT_A_2 28336u
#define WF_MA_M_COMPUTER_NEEDS_A_MACHINE_NAME 28444u
#define WF_MA_M_COMPUTER_GIVEN_MORE_THAN_U 28510u
#define WF_MA_M_COMPUTER_NEEDS_A_FILE_NAME 28581u
#define WF_MA_M_SERVICE_AN_EMPTY_NAME_IN 28624u
#define WF_MA_M_SERVICE_THE_SERVICE_NAME_IS 28664u
#define WF_MA_M_SERVICE_THE_SERVICE_NAME_S 28706u
#define WF_MA_M_SERVICE_S_IS_NOT_A 28767u
#define WF_MA_M_SERVICE_UNKNOWN_SERVICE_S_WUFIX 28858u
#define WF_MA_M_SERVICE_GIVEN_MORE_THAN_U 28974u
#define WF_MA_M_OUTPUT_NEEDS_A_FILE_NAME 29018u
#define WF_MA_M_LOG_NEEDS_A_FILE_NAME 29056u
#define WF_MA_M_SUNKNOWN_COMMAND_S_DID_YOU 29091u
#define WF_MA_M_OPTION_S_TAKES_NO_VALUE 29132u
#define WF_MA_M_OPTION_S_NEEDS_A_VALUE 29172u
#define WF_MA_M_OPTION_S_DOES_NOT_APPLY 29201u
#define WF_MA_M_IT_WORKS_ON_THIS_MACHINE 29240u
#define WF_MA_M_OPTION_S_NEEDS_COMPUTER 29339u
#define WF_MA_M_USE_EITHER_SERVICE_OR_ALL 29370u
#define WF_MA_M_SERVICE_S_IS_REPORTED_ONLY 29410u
#define WF_MA_M_USE_EITHER_JSON_OR_QUIET 29465u
#define WF_MA_M_BRIEF_NEEDS_JSON_CHECK_JSON 29504u
#define WF_MA_M_BRIEF_WORKS_ON_THIS_MACHINE 29548u
#define WF_MA_M_LIST_ONLY_LISTS_IN_WORDS 29605u
#define WF_MA_M_USAGE_WUFIX_S_S_S_2 29655u
#define WF_MA_M_CHANGES_SERVICES_NEEDS_ADMINISTRATOR_RIGHTS 29685u
#define WF_MA_M_NUSAGE_WUFIX_COMMAND_OPTIONS_N 29731u
#define WF_MA_M_COMMANDS_IN_THE_ORDER_THEY 29767u
#define WF_MA_M_WITH_NO_COMMAND_STATUS_DOUBLE 29820u
#define WF_MA_M_SERVICES_WUAUSERV_AND_USOSVC_BY 29923u
#define WF_MA_M_STATUS_ALSO_REPORTS_WAASMEDICSVC_AND 30002u
#define WF_MA_M_EXIT_CODES_0_SUCCESS_CHECK 30069u
#define WF_MA_M_BYTES_LLU_SOURCE_BYTES_LLU 30577u
#define WF_MA_M_S_S_REPORTINGEVENTS_LOG 30635u
#define WF_MA_M_LOGS_S_REPORTINGEVENTS_LOG 30661u
#define WF_MA_M_ITS_VALUES_CANNOT_BE_READ 30689u
#define WF_MA_M_BINARY_OR_OF_A_TYPE 30719u
#define WF_MA_M_REGISTRY_VALUES_WUFIX_CHECK_READS 30756u
#define WF_MA_M_WUFIX_S_4S_2S_2S 30813u
#define WF_MA_M_CAP_BYTES_U_CAP_EACH 30852u
#define WF_MA_M_WUFIX_COLLECT_OUT_OF_MEMORY 30912u
#define WF_MA_M_WUFIX_COLLECT_CANNOT_WRITE_S 30964u
#define WF_MA_M_WROTE_S_U_FILES_LLU 31024u
#define WF_MA_M_WUFIX_CANNOT_CONNECT_TO_THE 31083u
#define WF_MA_M_WUFIX_CANNOT_CONNECT_TO_THE_2 31183u
#define WF_MA_M_CANNOT_CONNECT_TO_THIS_MACHINE 31237u
#define WF_MA_M_CANNOT_CONNECT_TO_THIS_MACHINE_2 31312u
#define WF_MA_M_WUFIX_CANNOT_S_S_S 31369u
#define WF_MA_M_WUFIX_CANNOT_ORDER_THE_SERVICES 31396u
#define WF_MA_M_WUFIX_S_WAS_STARTED_AGAIN 31434u
#define WF_MA_M_WUFIX_S_CHANGES_SERVICES_AND 31574u
#define WF_MA_M_WUFIX_ANOTHER_WUFIX_IS_CHANGING 31690u
#define WF_MA_M_WUFIX_S_NOTHING_WAS_CHANGED 31791u
#define WF_MA_M_WUFIX_CANNOT_TAKE_THE_MACHINE 31823u
#define WF_MA_M_WUFIX_WARNING_WINDOWS_IS_INSTALLING 31868u
#define WF_MA_M_WUFIX_WARNING_WINDOWS_IS_INSTALLING_2 31963u
#define WF_MA_M_WUFIX_WINDOWS_IS_INSTALLING_S 32072u
#define WF_MA_M_R_N_S_EXIT_CODE 32232u
#define WF_MA_M_S_S_EXIT_CODE_D 32260u
#define WF_MA_M_SUMMARY_S_ON_U_MACHINES 32294u
#define WF_MA_M_WUFIX_S_NOT_BEGUN_INTERRUPTED 32341u
#define WF_MA_M_INTERRUPTED_WHILE_CONNECTING 32404u
#define WF_MA_M_WUFIX_S_INTERRUPTED_WHILE_CONNECTING 32433u
#define WF_MA_M_NO_WORKER_COULD_BE_STARTED 32501u
#define WF_MA_M_WUFIX_S_NO_WORKER_THREAD 32528u
#define WF_MA_M_COMPUTER_NAMES_NO_MACHINE 32595u
#define WF_MA_M_FORCE_ENDS_PROCESSES_ON_THIS 32623u
#define WF_MA_M_COMPUTER_THIS_BUILD_CANNOT_REACH 32725u
#define WF_MA_M_WUFIX_S_ON_U_MACHINE 32776u
#define WF_MA_M_WINDOWS_UPDATE_COULD_NOT_S 32828u
#define WF_MA_M_WUFIX_CHECKS_THE_SERVICES_WINDOWS 32870u
#define WF_MA_M_WINDOWS_UPDATE_S_SERVICES_LOOK 32924u
#define WF_MA_M_WUFIX_FOUND_U_PROBLEM_S 32988u
#define WF_MA_M_WUFIX_CANNOT_FIX_THIS_PROBLEM 33016u
#define WF_MA_M_WUFIX_CANNOT_FIX_THESE_PROBLEMS 33075u
#define WF_MA_M_SEE_TO_FIX_IT_UNDER 33136u
#define WF_MA_M_SEE_TO_FIX_IT_UNDER_2 33163u
#define WF_MA_M_WUFIX_UNDO_PUTS_BACK_WHAT 33192u
#define WF_MA_M_WINDOWS_WILL_ASK_FOR_PERMISSION 33235u
#define WF_MA_M_THE_REPAIR_NEEDS_ADMINISTRATOR_RIGHTS 33327u
#define WF_MA_M_ASK_SOMEONE_WITH_AN_ADMINISTRATOR 33387u
#define WF_MA_M_THE_REPAIR_RAN_BUT_WUFIX 33477u
#define WF_MA_M_RUN_WUFIX_AGAIN_TO_SEE 33539u
#define WF_MA_M_THE_REPAIR_DID_NOT_FINISH 33583u
#define WF_MA_M_RESTART_THE_PC_THEN_RUN 33644u
#define WF_MA_M_WUFIX_FIXED_WHAT_IT_CAN 33817u
#define WF_MA_M_WUFIX_FIXED_WHAT_IT_CAN_2 33907u
#define WF_MA_M_WINDOWS_UPDATE_S_SERVICES_ARE 33979u
#define WF_MA_M_WINDOWS_UPDATE_S_SERVICES_ARE_2 34045u
#define WF_MA_M_WINDOWS_UPDATE_S_SERVICES_ARE_3 34119u
#define WF_MA_M_NPOLICIES_THEIR_OWNER_SETS_AGAIN 34159u
#define WF_MA_M_NWINDOWS_UPDATE_S_LAST_FAILURE 34201u
#define WF_MA_M_WUFIX_CANNOT_LOOK_AT_THE 34353u
#define WF_MA_M_SET_ASIDE_THE_CACHES_LISTED 34405u
#define WF_MA_M_UPDATE_HISTORY_ON_S_NEWEST 34474u
#define WF_MA_M_NO_UPDATE_RESULTS_IN_REPORTINGEVENTS 34528u
#define WF_MA_M_FROM_A_COPY_OF_THE 34572u
#define WF_MA_M_U_OF_U_LOGS_COULD 34627u
#define WF_MA_M_EXIT_CODE_0_ELAPSED_MS 34683u
#define WF_MA_M_SERVICES_PROBLEMS_HISTORY 34716u
#define WF_MA_M_KIND_S_RESULT_S_HRESULT 34757u
#define WF_MA_M_WUFIX_CANNOT_READ_THE_UPDATE 34803u
#define WF_MA_M_COMPUTER_MORE_THAN_U_MACHINES 34846u
#define WF_MA_M_COMPUTER_CANNOT_READ_S_S 34880u
#define WF_MA_M_IT_IS_LONGER_THAN_A 34911u
#define WF_MA_M_COMPUTER_S_LINE_U_S 34947u
#define WF_MA_M_COMPUTER_S_NAMES_NO_MACHINE 34974u
#define WF_MA_M_HEALTHY_IN_WHAT_COULD_BE 35006u
#define WF_MA_M_U_PROBLEM_S_U_FIXABLE 35054u
#define WF_MA_M_HEALTH_OF_THE_UPDATE_SERVICES 35081u
#define WF_MA_M_U_PROBLEM_S_WUFIX_REPAIR 35119u
#define WF_MA_M_U_PROBLEM_S_WUFIX_CANNOT 35158u
#define WF_MA_M_NO_PROBLEMS_FOUND_IN_WHAT 35224u
#define WF_MA_M_HEALTHY_NO_PROBLEMS_FOUND 35306u
#define WF_MA_M_WUFIX_WARNING_AN_EARLIER_RUN 35334u
#define WF_MA_M_U_CONFIGURATION_VALUE_S 35442u
#define WF_MA_M_LEFT_EVERY_SERVICE_AS_IT 35467u
#define WF_MA_M_RUNS_WUFIX_UNDO_CAN_PUT 35501u
#define WF_MA_M_NOTHING_TO_UNDO_NO_CHANGING 35573u
#define WF_MA_M_DRY_RUN_WHAT_UNDO_WOULD 35636u
#define WF_MA_M_WUFIX_CANNOT_READ_THE_SERVICES 35712u
#define WF_MA_M_NOTHING_TO_UNDO_THE_LAST 35767u
#define WF_MA_M_AND_NO_EARLIER_RUN_THAT 35815u
#define WF_MA_M_WUFIX_CANNOT_READ_WHAT_THE 35871u
#define WF_MA_M_WUFIX_CANNOT_UNDO_S_NOTHING 35938u
#define WF_MA_M_WUFIX_S_CANNOT_REACH_ITS 35983u
#define WF_MA_M_WUFIX_S_NOTHING_WAS_CHANGED_2 36040u
#define WF_MA_M_S_IS_THIS_MACHINE_S 36078u
#define WF_MA_M_RUN_AS_S_THE_SAME 36112u
#define WF_MA_M_WUFIX_S_THE_SAME_MACHINE 36143u
#define WF_MA_M_WUFIX_ENDED_EXIT_CODE_D 36204u
#define WF_MA_M_RESET_SETS_ASIDE_SOFTWAREDISTRIBUTION_CATROOT2 36230u
#define WF_MA_M_WUFIX_THE_ARGUMENTS_ARE_TOO 36333u
#define WF_MA_M_WUFIX_ADMINISTRATOR_RIGHTS_WERE_REFUSED 36513u
#define WF_MA_M_LOG_CANNOT_OPEN_S_TO 36576u
#define WF_MA_M_COMMAND_CHECK_COMPUTER 36618u
#define WF_MA_M_EXIT_CODE_D_BRIEF_TRUE 36649u
#define WF_MA_M_LAST_FAILURE_S_LAST_FAILURE 36717u
#define WF_MA_M_LAST_FAILURE_NULL_LAST_FAILURE 36770u
#define WF_MA_M_PROBLEMS_LEFT_OUT_U_N 36867u
#define WF_MA_M_SYSTEMROOT_SYSTEM32_SVCHOST_EXE 36894u
#define WF_MA_M_SYSTEMROOT_SYSTEM32_SVCHOST_EXE_K 36928u
#define WF_MA_M_A_PROGRAM_UNDER_SYSTEMROOT 36971u
#define WF_MA_M_A_DLL_UNDER_SYSTEMROOT 37000u
#define WF_MA_M_SYSTEM_AND_ADMINISTRATORS_MAY_READ 37025u
#define WF_MA_M_PENDINGFILERENAMEOPERATIONS 37074u
#define WF_MA_M_SPENDINGFILERENAMEOPERATIONS_S 37102u
#define WF_MA_M_FILES_UNDER_SYSTEMROOT 37134u
#define WF_MA_M_OTHER_SOFTWARE_S_WINDOWS_UPDATE 37162u
#define WF_MA_M_RESTART_WINDOWS_TO_FINISH_INSTALLING 37220u
#define WF_MA_M_A_PUBLIC_SOURCE_FOR_THIS 37265u
#define WF_MA_M_0123456789ABCDEFABCDEF 37296u
#define WF_MA_M_0X_08X_S_S_S 37321u
#define WF_MA_M_WINDOWS_UPDATE_S_EVENT_LOG 37368u
#define WF_MA_M_SOFTWAREDISTRIBUTION_WUFIX 37436u
#define WF_MA_M_SOFTWAREDISTRIBUTION_WUFIX_2 37465u
#define WF_MA_M_S_PORT_U_S_S 37493u
#define WF_MA_M_UPDATE_SERVER_UNREACHABLE 37519u
#define WF_MA_M_AN_HTTP_OR_HTTPS_URL 37545u
#define WF_MA_M_CORRECT_THE_POLICY_WUSERVER_OR 37592u
#define WF_MA_M_START_THE_UPDATE_SERVER_OR 37672u
#define WF_MA_M_THE_SERVER_S_NAME_IS 37799u
#define WF_MA_M_CORRECT_THE_MACHINE_S_PROXY 37981u
#define WF_MA_M_WINDOWS_UPDATE_S_OWN_SERVERS 38090u
#define WF_MA_M_UPDATE_ENDPOINT_UNREACHABLE 38119u
#define WF_MA_M_LET_THIS_MACHINE_REACH_DELIVERY 38147u
#define WF_MA_M_NONE_IN_WINDOWS_UPDATE_S 38267u
#define WF_MA_M_NOT_KNOWN_WINDOWS_UPDATE_S 38296u
#define WF_MA_M_NOT_ENDED_PROCESS_U_IS 38341u
#define WF_MA_M_NOT_ENDED_PROCESS_U_ALSO 38384u
#define WF_MA_M_S_RULE_250S_BLOCK_OUT 38417u
#define WF_MA_M_NO_SUCH_RULE_S_REMOVE 38456u
#define WF_MA_M_A_POLICY_SETS_IT_REMOVE 38515u
#define WF_MA_M_SYSTEM_CURRENTCONTROLSET_SERVICES_SHAREDACCESS 38575u
#define WF_MA_M_SOFTWARE_POLICIES_MICROSOFT_WINDOWSFIREWALL_FI 38662u
#define WF_MA_M_S_SOFTWAREDISTRIBUTION_REPORTINGEVENTS_LOG 38720u
#define WF_MA_M_ID_S_FOR_100S_S 38764u
#define WF_MA_M_SYSTEMROOT_LOGS_SETUPDIAG_SETUPDIAGRESULTS_XML 38790u
#define WF_MA_M_900S_OVER_128_KB_NOT 38839u
#define WF_MA_M_TARGETRELEASEVERSIONINFO 38869u
#define WF_MA_M_S_S_S_TARGETRELEASEVERSIONINFO 38894u
#define WF_MA_M_DEFERFEATUREUPDATESPERIODINDAYS 38931u
#define WF_MA_M_U_DAYS_DEFERFEATUREUPDATESPERIODINDAYS 38963u
#define WF_MA_M_FEATURE_UPDATES_DEFERRED 39004u
#define WF_MA_M_SYSTEMROOT_SYSTEM32_DRIVERS_ETC 39029u
#define WF_MA_M_A_FILE_WUFIX_READS_WHOLE 39063u
#define WF_MA_M_NO_LINE_FOR_WINDOWS_UPDATE 39088u
#define WF_MA_M_WUFIX_REPAIR_COMMENTS_THOSE_LINES 39170u
#define WF_MA_M_CHANGED_SINCE_WUFIX_WROTE_IT 39235u
#define WF_MA_M_HAS_A_COPY_SET_ASIDE 39264u
#define WF_MA_M_HAS_NO_COPY_OF_ITS 39305u
#define WF_MA_M_THE_HOSTS_FILE_700S_S 39338u
#define WF_MA_M_TRUSTEDINSTALLER_IS_RUNNING_WITH_TIWORKER 39363u
#define WF_MA_M_COMPONENT_BASED_SERVICING_SESSIONSPENDING_HOLD 39417u
#define WF_MA_M_SYSTEMROOT_WINSXS_PENDING_XML 39483u
#define WF_MA_M_SYSTEMROOT_WINSXS_PENDING_XML_WAITS 39515u
#define WF_MA_M_THE_RECORD_THAT_VOUCHES_FOR 39577u
#define WF_MA_M_IT_IS_NOT_A_JOURNAL 39623u
#define WF_MA_M_TURN_THE_WINDOWS_TIME_SERVICE 39702u
#define WF_MA_M_NTP_OR_NT5DS_IN_A 39781u
#define WF_MA_M_RUN_W32TM_CONFIG_SYNCFROMFLAGS_DOMHIER 39807u
#define WF_MA_M_FLIGHTSETTINGSMAXPAUSEDAYS 39977u
#define WF_MA_M_SETTINGS_WINDOWS_UPDATE_RESUME_UPDATES 40004u
#define WF_MA_M_SFLIGHTSETTINGSMAXPAUSEDAYS_LD 40084u
#define WF_MA_M_A_PAUSE_OF_AT_MOST 40117u
#define WF_MA_M_WUFIX_REPAIR_RESUMES_UPDATES_DELETES 40163u
#define WF_MA_M_MORE_THAN_D_SERVICES_WOULD 40240u
#define WF_MA_M_CANNOT_READ_THE_CONFIGURATION_OF 40278u
#define WF_MA_M_CANNOT_LIST_THE_SERVICES_THAT 40316u
#define WF_MA_M_SETPOLICYDRIVENUPDATESOURCEFOR 40361u
#define WF_MA_M_DISABLEDUALSCAN_1_OR_SETPOLICYDRIVENUPDATESOUR 40392u
#define WF_MA_M_SET_BY_GROUP_POLICY_OR 40473u
#define WF_MA_M_THEIR_OWNER_S_WUFIX_LEAVES 40552u
#define WF_MA_M_A_WHOLE_REGISTRY_POL_PREG 40587u
#define WF_MA_M_CANNOT_BE_RECORDED_EXACTLY 40640u
#define WF_MA_M_MORE_CHANGES_THAN_ONE_RUN 40667u
#define WF_MA_M_WUFIX_HAS_NO_ENTRY_FOR 40714u
#define WF_MA_M_S_FAILED_TO_S_U 40750u
#define WF_MA_M_YOUR_ORGANIZATION_MANAGES_UPDATES_ON 40806u
#define WF_MA_M_THE_UPDATE_SERVER_A_POLICY 40893u
#define WF_MA_M_SPROXY_S_DOES_NOT_ANSWER 40949u
#define WF_MA_M_AN_UPDATE_BLOCKER_USUALLY_SETS 40976u
#define WF_MA_M_IF_YOUR_ORGANIZATION_MANAGES_THIS 41057u
#define WF_MA_M_RUN_IN_A_COMMAND_PROMPT 41236u
#define WF_MA_M_RUN_IN_POWERSHELL 41289u
#define WF_MA_M_REMOVE_IT_COLON 41336u
#define WF_MA_M_RESTART_THE_PC_THEN_RUN_2 41349u
#define WF_MA_M_FREE_SOME_SPACE_ON_THE 41386u
#define WF_MA_M_CHECK_THAT_THIS_PC_IS 41509u
#define WF_MA_M_S_SWINDOWS_UPDATE_ERROR_0X 41622u
#define WF_MA_M_RESTART_THE_PC_THEN_RUN_3 41658u
#define WF_MA_M_DELIVERY_OPTIMIZATION_OFF 41723u
#define WF_MA_M_S_IMAGE_PATH_S_S 41749u
#define WF_MA_M_S_SECURITY_DESCRIPTOR_S_S 41777u
#define WF_MA_M_S_DEPENDS_ON_S_S 41814u
#define WF_MA_M_S_RUNS_AS_S_S 41842u
#define WF_MA_M_HOSTS_FILE_S_LLU_LINE 41867u
#define WF_MA_M_HOSTS_FILE_S_GIVEN_BACK 41954u
#define WF_MA_M_SET_ASIDE_S_S_S 41987u
#define WF_MA_M_AUTOMATIC_DELAYED_START_S 42026u
#define WF_MA_M_PROTECTED_BY_WINDOWS_SHOWN_NEVER 42054u
#define WF_MA_M_RUNNING_DEPENDENT_OUTSIDE_THE_SET 42110u
#define WF_MA_M_SERVICES_ON_ONE_LINE_MOVE 42148u
#define WF_MA_M_U_WITH_EVERY_SERVICE_STOPPED 42185u
#define WF_MA_M_PUT_BACK_WHAT_WAS_SET 42224u
#define WF_MA_M_SET_ASIDE_NEVER_DELETED 42252u
#define WF_MA_M_S_8S_S_IN_LLU 42278u
#define WF_MA_M_FORCE_ENDED_ITS_PROCESS 42310u
#define WF_MA_M_IT_IS_STILL_S_LEFT 42339u
#define WF_MA_M_IT_MADE_NO_PROGRESS_FOR 42369u
#define WF_MA_M_STILL_S_AFTER_LLU_01LLU 42416u
#define WF_MA_M_IT_STOPPED_INSTEAD_OF_STARTING 42445u
#define WF_MA_M_IT_DOES_NOT_ACCEPT_STOP 42476u
#define WF_MA_M_ACCESS_IS_DENIED_THIS_ACCOUNT 42509u
#define WF_MA_M_U_SERVICE_S_PUT_BACK 42569u
#define WF_MA_M_SOME_COULD_NOT_BE_SEE 42603u
#define WF_MA_M_WUFIX_S_ON_S_N 42637u
#define WF_MA_M_LAST_SUCCESSFUL_CHECK_FOR_UPDATES 42662u
#define WF_MA_M_LAST_SUCCESSFUL_INSTALL_S_S 42707u
#define WF_MA_M_FOUND_S_S_S_S 42748u
#define WF_MA_M_LU_MORE_PROBLEM_S_NOT 42786u
#define WF_MA_M_WUFIX_S_ENDED_WITH_EXIT 42835u
#define WF_MA_M_OUTCOME_S_R_NSERVICES 42868u
#define WF_MA_M_WUFIX_UNDO_PUTS_THIS_RUN 42895u
#define WF_MA_M_PID_U_EXIT_CODE_U 42930u
#define WF_MA_M_BYTES_LLU_FILES_LLU 42956u
#define WF_MA_M_CLASS_S_FACILITY 42983u
#define WF_MA_M_LAST_SCAN_BEFORE_RESET 43009u
#define WF_MA_M_LAST_INSTALL_BEFORE_RESET 43036u
#define WF_MA_M_SOURCE_S_CONFLICTS 43066u
#define WF_MA_M_CODE_S_SEVERITY_S_FIXABLE 43095u
#define WF_MA_M_EXIT_CODE_U_EXIT_MESSAGE 43137u
#define WF_MA_M_EXIT_CODE_D_ELAPSED_MS 43169u
#define WF_MA_M_IN_SET_S_PROTECTED_S 43203u
#define WF_MA_M_S_ACTION_S_RESULT_S 43260u
#define WF_MA_M_CODE_S_SYSCODE_U_MESSAGE 43316u
#define WF_MA_M_SYSCODE_U_MESSAGE 43353u
#define WF_MA_M_COMPUTER_NULL_EXIT_CODE_2 43378u
#define WF_MA_M_SERVICES_PROBLEMS_ERROR_CODE_USAGE 43424u
#define WF_MA_M_SERVICES_PROBLEMS_ERROR_CODE 43500u
#define WF_MA_M_THE_FOLDER_WITH_THE_TASKS 43546u
#define WF_MA_M_ENABLED_SCHTASKS_CHANGE_TN_900S 43601u
#define WF_MA_M_NOT_SET_DELETE_S_TO 43648u
#define WF_MA_M_NOT_LISTED_DELETE_THE_VALUE 43681u
#define WF_MA_M_DISABLEWINDOWSUPDATEACCESS 43722u
#define WF_MA_M_POLICY_USER_BLOCKS_ACCESS 43749u
#define WF_MA_M_POLICY_NO_WINDOWS_UPDATE 43775u
#define WF_MA_M_CANNOT_BE_RECORDED_EXACTLY_2 43800u
#define WF_MA_M_BYPASS_DEPRECATED_SOME_DOWNLOADS_CAN 43829u
#define WF_MA_M_POLICY_DELIVERY_OPTIMIZATION 43873u
#define WF_MA_M_NOT_SET_WINDOWS_DEFAULT_1 43902u
#define WF_MA_M_SOFTWARE_MICROSOFT_WINDOWS_CURRENTVERSION_POLI 43937u
#define WF_MA_M_POLICY_DISABLE_OS_UPGRADE 43997u
#define WF_MA_M_IT_IS_A_FILE_NOT 44023u
#define WF_MA_M_IT_IS_A_LINK_A 44050u
#define WF_MA_M_ITS_OWNER_CANNOT_BE_READ 44099u
#define WF_MA_M_ITS_OWNER_IS_S_NOT 44124u
#define WF_MA_M_IT_HAS_NO_ACCESS_LIST 44188u
#define WF_MA_M_ITS_ACCESS_LIST_HAS_MORE 44237u
#define WF_MA_M_S_MAY_WRITE_TO_IT 44306u
#define WF_MA_M_INHERITED_BY_WHAT_IS_CREATED 44343u
#define WF_MA_M_40S_IS_NOT_A_COMMAND 44380u
#define WF_MA_M_SERVICE_256S_IS_NOT_ONE 44427u
#define WF_MA_M_CHANGE_U_S_IS_NOT 44470u
#define WF_MA_M_WUFIX_COULD_NOT_PUT_BACK 44508u
#define WF_MA_M_WUFIX_WARNING_THE_JOURNAL_IN 44536u
#define WF_MA_M_WUFIX_IT_IS_IGNORED_A 44608u
#define WF_MA_M_WUFIX_IT_IS_IGNORED_AND 44677u
#define WF_MA_M_WUFIX_IT_IS_IGNORED_IT 44742u
#define WF_MA_M_WUFIX_THE_JOURNAL_OF_THE 44824u
#define WF_MA_M_WUFIX_THE_JOURNAL_OF_THE_2 44949u
#define WF_MA_M_WUFIX_NOTE_THE_JOURNAL_IN 45050u
#define WF_MA_M_WUFIX_CANNOT_WRITE_THE_JOURNAL 45215u
#define WF_MA_M_WUFIX_CANNOT_CLOSE_THE_JOURNAL 45359u
#define WF_MA_M_WUFIX_FOUND_THE_JOURNAL_OF 45534u
#define WF_MA_M_A_RUN_THAT_IS_NOT 45609u
#define WF_MA_M_PUTTING_ITS_SERVICES_BACK_AS 45672u
#define WF_MA_M_WUFIX_COULD_NOT_PUT_EVERYTHING 45713u
#define WF_MA_M_WUFIX_THE_UNFINISHED_RUN_WAS 45777u
#define WF_MA_M_WUFIX_CANNOT_PUT_S_BACK 45817u
#define WF_MA_M_THE_COPY_SET_ASIDE_IS 45856u
#define WF_MA_M_WUFIX_CANNOT_SET_ASIDE_S 45883u
#define WF_MA_M_CHANGES_WAS_WILL_BE_N 45992u
#define WF_MA_M_NOTHING_TO_SET_ASIDE_NONE 46019u
#define WF_MA_M_NDRY_RUN_NOTHING_WAS_CHANGED 46071u
#define WF_MA_M_WUFIX_CANNOT_WRITE_THE_JOURNAL_2 46103u
#define WF_MA_M_WUFIX_A_REPAIR_COULD_NOT 46183u
#define WF_MA_M_PUTTING_BACK_WHAT_WAS_CHANGED 46240u
#define WF_MA_M_SET_ASIDE_DELETE_THEM_ONCE 46272u
#define WF_MA_M_NOT_A_FILE_NAME_WINDOWS 46351u
#define WF_MA_M_IT_MUST_BE_A_FILE 46383u
#define WF_MA_M_NOT_A_FOLDER_THAT_CAN 46439u
#define WF_MA_M_A_LINK_OR_JUNCTION_A 46471u
#define WF_MA_M_IT_EXISTS_WUFIX_NEVER_WRITES 46525u
#define WF_MA_M_NOT_A_FILE_ON_A 46568u
#define WF_MA_M_A_FILE_WHOSE_KIND_CANNOT 46610u
#define WF_MA_M_A_LINK_OR_A_FOLDER 46643u
#define WF_MA_M_A_FILE_WITH_MORE_THAN 46674u
#define WF_MA_M_REACHED_THROUGH_A_LINK_ITS 46719u
#define WF_MA_M_GETUSEROBJECTINFORMATIONW 46769u
#define WF_MA_M_ITS_NAME_DOES_NOT_RESOLVE 46795u
#define WF_MA_M_AN_ENTRY_OF_AN_OBJECT 46827u
#define WF_MA_M_THE_PROGRAMDATA_FOLDER_CANNOT_BE 46854u
#define WF_MA_M_ANOTHER_PROCESS_HOLDS_IT_OPEN 46893u
#define WF_MA_M_THE_JOURNAL_IS_A_LINK 46923u
#define WF_MA_M_THE_FIREWALL_RULE_GROUP_REMOTE 46969u
#define WF_MA_M_NOT_ELEVATED_A_STANDARD_USER 47045u
#define WF_MA_M_OLE32_DLL_OR_OLEAUT32_DLL 47116u
#define WF_MA_M_WITH_A_TRIGGER 47176u
#define WF_MA_M_NOT_AN_ERROR_CODE 47192u
#define WF_MA_M_WIN32_ERROR_U 47210u
#define WF_MA_M_WINDOWS_UPDATE 47225u
#define WF_MA_M_WINDOWS_SETUP_MOSETUP 47240u
#define WF_MA_M_DELIVERY_OPTIMIZATION 47264u
#define WF_MA_M_NOTHING_WAS_CHANGED_N 47286u
#define WF_MA_M_DELETEVALUES 47308u
#define WF_MA_M_10ST_8S_C_2S_2S 47323u
#define WF_MA_M_S_NEEDS_A_NUMBER_S 47345u
#define WF_MA_M_CONNECT_TIMEOUT 47365u
#define WF_MA_M_MAX_AGE_DAYS 47383u
#define WF_MA_M_SUNKNOWN_COMMAND_S 47398u
#define WF_MA_M_UNKNOWN_OPTION_S 47419u
#define WF_MA_M_UNEXPECTED_ARGUMENT_S 47437u
#define WF_MA_M_CONNECT_TIMEOUT_2 47460u
#define WF_MA_M_PRINT_THE_VERSION 47476u
#define WF_MA_M_S_LOGS_WINDOWSUPDATE 47494u
#define WF_MA_M_LOGS_WINDOWSUPDATE_S 47516u
#define WF_MA_M_CANNOT_BE_READ_R_N 47538u
#define WF_MA_M_DWORD_U_0X_08X_R 47560u
#define WF_MA_M_WUFIX_CHECK_JSON 47583u
#define WF_MA_M_HKEY_LOCAL_MACHINE 47602u
#define WF_MA_M_NOT_INCLUDED 47621u
#define WF_MA_M_LOCAL_SCM_UNREACHABLE 47640u
#define WF_MA_M_WUFIX_S_S_N 47662u
#define WF_MA_M_WUFIX_WARNING_S_N 47677u
#define WF_MA_M_INSTALL_IN_PROGRESS 47697u
#define WF_MA_M_NO_INSTALL_IN_PROGRESS 47717u
#define WF_MA_M_EXIT_TIME_OUTCOME_N 47740u
#define WF_MA_M_4D_7S_S_N 47764u
#define WF_MA_M_NOT_BEGUN_INTERRUPTED 47779u
#define WF_MA_M_WUFIX_OUT_OF_MEMORY_N 47802u
#define WF_MA_M_LAST_SCAN_FAILED 47824u
#define WF_MA_M_CHECK_FOR_UPDATES 47841u
#define WF_MA_M_LAST_DOWNLOAD_FAILED 47859u
#define WF_MA_M_THE_S_D_UPDATE 47880u
#define WF_MA_M_ERROR_0X_08X 47898u
#define WF_MA_M_TO_FIX_IT_S 47914u
#define WF_MA_M_PLEASE_TYPE_Y_OR_N 47929u
#define WF_MA_M_YES_FIXES_BOTH 47950u
#define WF_MA_M_YES_FIXES_ALL_OF_THEM 47965u
#define WF_MA_M_IT_DOES_NOT_FIX 47987u
#define WF_MA_M_NREPAIRING_N 48006u
#define WF_MA_M_FIXED_ALL_OF_THEM_N 48021u
#define WF_MA_M_NSTILL_WRONG_N_N 48042u
#define WF_MA_M_NO_PROBLEMS_N 48058u
#define WF_MA_M_CHANGED_WAS_NOW_N 48073u
#define WF_MA_M_NO_CONFIGURATION_N 48096u
#define WF_MA_M_NO_PROBLEMS_REMAIN_N 48116u
#define WF_MA_M_U_PROBLEM_S_REMAIN_S 48136u
#define WF_MA_M_REBOOT_PENDING 48159u
#define WF_MA_M_DEPENDENCY_MISSING 48174u
#define WF_MA_M_SERVICE_DLL_MISSING 48193u
#define WF_MA_M_NCHECKED_AGAIN_N 48213u
#define WF_MA_M_CHECKED_AGAIN_N 48230u
#define WF_MA_M_S_S_8S_15S 48246u
#define WF_MA_M_WUFIX_VERSION 48264u
#define WF_MA_M_SET_ASIDE_S 48282u
#define WF_MA_M_UPDATE_SERVICES_ON_S_N 48299u
#define WF_MA_M_S_U_CACHE_S_SET 48323u
#define WF_MA_M_SSERVICE_STATES 48346u
#define WF_MA_M_S_8S_S_N 48363u
#define WF_MA_M_CHANGED_NOTHING 48378u
#define WF_MA_M_UNDOING_S_OF_S_N 48394u
#define WF_MA_M_CANNOT_CONNECT 48415u
#define WF_MA_M_TIMED_OUT_CONNECTING 48430u
#define WF_MA_M_NAME_NOT_RESOLVED 48451u
#define WF_MA_M_WUFIX_S_CHECK_S_N 48469u
#define WF_MA_M_NO_ADDRESS_FOR_S 48490u
#define WF_MA_M_WUFIX_S_NOTE_S_N 48510u
#define WF_MA_M_WUFIX_WARNING 48531u
#define WF_MA_M_NPRESS_ENTER_TO_CLOSE 48546u
#define WF_MA_M_S_S_PID_U_S 48569u
#define WF_MA_M_LAST_FAILURE_KB 48587u
#define WF_MA_M_LAST_FAILURE_DATE 48607u
#define WF_MA_M_DAYS_SINCE_INSTALL 48629u
#define WF_MA_M_DAYS_SINCE_SCAN 48648u
#define WF_MA_M_REBOOT_PENDING_S 48664u
#define WF_MA_M_SECURITY_UNREADABLE 48685u
#define WF_MA_M_DENIES_S_S 48705u
#define WF_MA_M_SECURITY_DESCRIPTOR 48721u
#define WF_MA_M_BLOCKER_WUBLOCK 48741u
#define WF_MA_M_BLOCKER_KEY_DENY 48757u
#define WF_MA_M_NO_DENY_ENTRIES 48774u
#define WF_MA_M_BLOCKER_KEY_RIGHTS 48790u
#define WF_MA_M_MARKED_FOR_DELETION 48809u
#define WF_MA_M_MARKED_FOR_DELETION_2 48829u
#define WF_MA_M_CONFIG_UNREADABLE 48849u
#define WF_MA_M_LAST_RUN_FAILED 48867u
#define WF_MA_M_RUNNING_OR_STOPPED 48883u
#define WF_MA_M_DEPENDENCY_DISABLED 48902u
#define WF_MA_M_UNDER_SYSTEMROOT 48922u
#define WF_MA_M_WAAS_FILE_EDITED 48941u
#define WF_MA_M_FILE_RENAMES_PENDING 48958u
#define WF_MA_M_NO_PENDING_RESTART 48979u
#define WF_MA_M_CURRENTBUILDNUMBER 48998u
#define WF_MA_M_INSTALLATIONTYPE 49017u
#define WF_MA_M_FIELDS_NOT_COMPARED 49034u
#define WF_MA_M_WINDOWS_SERVER 49054u
#define WF_MA_M_BUILD_NOT_COVERED 49072u
#define WF_MA_M_REGISTRY_SKIPPED 49090u
#define WF_MA_M_A_LATER_SUCCESSFUL_S_S 49107u
#define WF_MA_M_OF_THE_SAME_UPDATE 49131u
#define WF_MA_M_UPDATE_LOG_UNREADABLE 49151u
#define WF_MA_M_4S_2S_2S 49173u
#define WF_MA_M_S_USEWUSERVER_1 49188u
#define WF_MA_M_POLICY_WSUS_LOOPBACK 49209u
#define WF_MA_M_WINHTTPSETTINGS 49230u
#define WF_MA_M_PROXY_UNREACHABLE 49246u
#define WF_MA_M_DISPLAYVERSION 49264u
#define WF_MA_M_THE_LAST_ON_S_S 49279u
#define WF_MA_M_ONE_WITHIN_U_DAYS 49298u
#define WF_MA_M_POLICYSTORE_LOCALHOST 49317u
#define WF_MA_M_FIREWALL_BLOCKS_UPDATE 49341u
#define WF_MA_M_RESTART_PENDING 49364u
#define WF_MA_M_GATEDBLOCKREASON 49380u
#define WF_MA_M_SAFEGUARD_HOLD 49397u
#define WF_MA_M_UPGRADE_BLOCKED 49412u
#define WF_MA_M_SETUPDIAG_FAILURE 49428u
#define WF_MA_M_FAILUREDETAILS 49446u
#define WF_MA_M_0123456789ABCDEFABCDEF_2 49461u
#define WF_MA_M_EXTEND_CODE_0X_X 49484u
#define WF_MA_M_0X_08X_S_S_S_2 49503u
#define WF_MA_M_TARGETRELEASEVERSION 49520u
#define WF_MA_M_PRODUCTVERSION 49541u
#define WF_MA_M_FEATURE_UPDATE_PINNED 49556u
#define WF_MA_M_DISABLEWUFBSAFEGUARDS 49578u
#define WF_MA_M_SAFEGUARD_HOLDS_OFF 49600u
#define WF_MA_M_DISABLEWUFBSAFEGUARDS_1 49620u
#define WF_MA_M_HOSTS_UNREADABLE 49644u
#define WF_MA_M_AND_U_MORE_LINES 49661u
#define WF_MA_M_HOSTS_BLOCKS_UPDATE 49681u
#define WF_MA_M_CANNOT_BE_READ 49701u
#define WF_MA_M_TRUSTEDINSTALLER 49716u
#define WF_MA_M_FIX_S_LLU_LLU 49733u
#define WF_MA_M_FIX_REG_S_U 49751u
#define WF_MA_M_SERVICE_D_S_S 49766u
#define WF_MA_M_WUFIX_JOURNAL_D_N 49784u
#define WF_MA_M_TIME_SERVICE_DISABLED 49802u
#define WF_MA_M_UNTIL_SZ_S 49824u
#define WF_MA_M_UPDATES_PAUSED 49839u
#define WF_MA_M_PAUSE_BEYOND_SETTINGS 49854u
#define WF_MA_M_CANNOT_QUERY_S 49876u
#define WF_MA_M_DEPENDENCY_CYCLE 49894u
#define WF_MA_M_DISABLEDUALSCAN 49913u
#define WF_MA_M_POLICY_DUAL_SCAN 49929u
#define WF_MA_M_WINNINGPROVIDER 49946u
#define WF_MA_M_POLICY_NO_SOURCE 49963u
#define WF_MA_M_POLICY_MANAGED 49980u
#define WF_MA_M_POLICY_FILE_UNREADABLE 49995u
#define WF_MA_M_HKLM_S_S_S_S 50018u
#define WF_MA_M_HKLM_S_S_S 50039u
#define WF_MA_M_S_ON_10S_S_S 50054u
#define WF_MA_M_REPAIR_FIXES_IT 50074u
#define WF_MA_M_UPDATE_SERVER 50093u
#define WF_MA_M_DOES_NOT_ANSWER 50108u
#define WF_MA_M_UPDATE_TASK_DISABLED 50125u
#define WF_MA_M_RESTART_THE_PC 50146u
#define WF_MA_M_LOW_DISK_SPACE 50161u
#define WF_MA_M_IF_THAT_DOES_NOT_HELP 50176u
#define WF_MA_M_REGISTRY_UNREADABLE 50200u
#define WF_MA_M_BLOCKER_IFEO_DEBUGGER 50220u
#define WF_MA_M_BLOCKER_WUB_BLOCKLISTS 50242u
#define WF_MA_M_S_START_TYPE_S_S 50265u
#define WF_MA_M_HKLM_S_S_S_S_2 50289u
#define WF_MA_M_TRIGGER_START 50310u
#define WF_MA_M_TRIGGER_START_2 50326u
#define WF_MA_M_PID_LAST_EXIT_N 50343u
#define WF_MA_M_ALREADY_STOPPED 50362u
#define WF_MA_M_ALREADY_RUNNING 50381u
#define WF_MA_M_PLAN_NOTHING_TO_DO_N 50400u
#define WF_MA_M_PLAN_U_STEP_S_S 50422u
#define WF_MA_M_S_S_WAS_ALREADY_S 50443u
#define WF_MA_M_SCOULD_NOT_S_S 50466u
#define WF_MA_M_COULD_NOT_PUT_BACK 50488u
#define WF_MA_M_EXIT_CODE_U_S_S 50509u
#define WF_MA_M_SDONE_S_U_STEP_S 50530u
#define WF_MA_M_IN_LLU_02LLU_S_N 50550u
#define WF_MA_M_NOTHING_WAS_CHANGED_N_2 50570u
#define WF_MA_M_WINDOWS_BUILD 50592u
#define WF_MA_M_NONE_IN_THE_LOG 50609u
#define WF_MA_M_BEFORE_THE_RESET_ON 50625u
#define WF_MA_M_WHAT_TO_DO_S 50648u
#define WF_MA_M_NOTHING_WAS_CHANGED 50663u
#define WF_MA_M_R_NJOURNAL_S_S 50686u
#define WF_MA_M_START_TYPE 50703u
#define WF_MA_M_S_KIND_S 50718u
#define WF_MA_M_APPLIED_S 50733u
#define WF_MA_M_HRESULT_0X_08X 50748u
#define WF_MA_M_FAILURES_U_SINCE 50768u
#define WF_MA_M_LOG_READ_S 50792u
#define WF_MA_M_LAST_INSTALL 50807u
#define WF_MA_M_LAST_INSTALL_KB 50824u
#define WF_MA_M_EVIDENCE_FOUND 50844u
#define WF_MA_M_DISPLAY_NAME 50866u
#define WF_MA_M_UPDATE_TASK_MISSING 50883u
#define WF_MA_M_UPDATE_TASKS_SKIPPED 50903u
#define WF_MA_M_PRESENT_ENABLED 50924u
#define WF_MA_M_S_DISALLOWRUN 50941u
#define WF_MA_M_S_S_S 50956u
#define WF_MA_M_POLICY_DISALLOW_RUN 50971u
#define WF_MA_M_NOWINDOWSUPDATE 50991u
#define WF_MA_M_HTTP_ONLY_NO_PEERS 51007u
#define WF_MA_M_THE_ADMIN_S_CHOICE 51027u
#define WF_MA_M_POLICY_BLOCKS_ACCESS 51046u
#define WF_MA_M_POLICY_NO_AUTO_UPDATE 51067u
#define WF_MA_M_DISABLEOSUPGRADE 51089u
#define WF_MA_M_0123456789ABCDEF 51106u
#define WF_MA_M_DEPENDONSERVICE 51123u
#define WF_MA_M_REGISTRYVALUE 51139u
#define WF_MA_M_PUT_BACK_S_N 51154u
#define WF_MA_M_MADE_U_CHANGE_S_N 51169u
#define WF_MA_M_SHELLEXECUTEEXW 51189u
#define WF_MA_M_GETPROCESSWINDOWSTATION 51205u
#define WF_MA_M_RMSTARTSESSION 51229u
#define WF_MA_M_RMREGISTERRESOURCES 51244u
#define WF_MA_M_IT_COULD_NOT_BE_PROBED 51264u
#define WF_MA_M_COINITIALIZEEX 51287u
#define WF_MA_M_COINITIALIZESECURITY 51302u
#define WF_MA_M_COCREATEINSTANCE 51323u
#define WF_MA_M_COUNINITIALIZE 51340u
#define WF_MA_M_SYSALLOCSTRING 51355u
#define WF_MA_M_WINE_GET_VERSION 51370u
#define WF_MA_M_NOT_SET_NO_POLICY_SOURCE_HOLDS 51387u
#define WF_MA_M_WUFIX_REPAIR_POLICIES_DELETES_THIS 51459u
#define WF_MA_M_NOT_SET_NOT_CHANGED_ADMIN_S 51532u
#define WF_MA_M_RECOVERY_ACTIONS_ZEROED 51604u
#define WF_MA_M_NO_RECOVERY_ACTIONS 51628u
#define WF_MA_M_RESET_AFTER_U_MIN 51648u
#define WF_MA_M_RECOVERY_REMEDY 51689u
#define WF_MA_M_UPDATE_HEALTH_TOOLS_BROKEN 51879u
#define WF_MA_M_PROGRAMFILESDIR 51906u
#define WF_MA_M_HEALTH_TOOLS_EXE 51922u
#define WF_MA_M_S_S_PRESENT 51968u
#define WF_MA_M_HEALTH_TOOLS_REMEDY 51983u
#define WF_MA_M_THE_PERSISTENT_ROUTE_S_MASK 52104u
#define WF_MA_M_NO_SUCH_ROUTE_REMOVE_IT 52179u
#define WF_MA_M_S_S_IS_S_S_ADDRESS_NOW 52233u
#define WF_MA_M_DNS_IS_NOT_ASKED_FROM 52260u
#define WF_MA_M_S_NO_ANSWER_FROM_DNS 52307u
#define WF_MA_M_THEY_RESOLVE_TO_0_0 52343u
#define WF_MA_M_NONE_OF_WINDOWS_UPDATE_S_SERVER 52405u
#define WF_MA_M_WINDOWS_UPDATE_S_SERVER_NAMES 52452u
#define WF_MA_M_UPDATE_HOSTS_NOT_RESOLVED 52536u
#define WF_MA_M_ROUTE_BLOCKS_UPDATE 52562u
#define WF_MA_M_SYSTEM_CURRENTCONTROLSET_SERVICES_TCPIP_PERSISTENT 52582u
#define WF_MA_M_ACCESS_IS_DENIED_THERE 52650u
#define WF_MA_M_BE_AN_ADMINISTRATOR_ON_IT 52673u
#define WF_MA_M_THE_USER_NAME_OR_PASSWORD 52854u
#define WF_MA_M_THE_ACCOUNT_WUFIX_RUNS_AS 52902u
#define WF_MA_M_ANOTHER_CONNECTION_TO_IT_USES 52968u
#define WF_MA_M_CLOSE_THAT_CONNECTION_NET_USE 53016u
#define WF_MA_M_THE_NETWORK_PATH_WAS_NOT 53082u
#define WF_MA_M_THE_NAME_IN_DNS_THAT 53113u
#define WF_MA_M_THE_RPC_SERVER_IS_UNAVAILABLE 53209u
#define WF_MA_M_THAT_THE_MACHINE_IS_ON 53239u
#define WF_MA_M_THE_ENDPOINT_MAPPER_HAS_NO 53356u
#define WF_MA_M_THE_DYNAMIC_RPC_PORTS_49152 53424u
#define WF_MA_M_THE_REMOTE_CALL_FAILED_AND 53518u
#define WF_MA_M_TRY_AGAIN_NOTHING_WAS_DONE 53557u
#define WF_MA_M_THE_REMOTE_CALL_FAILED_AND_2 53591u
#define WF_MA_M_LOOK_WITH_WUFIX_STATUS_COMPUTER 53631u
#define WF_MA_M_THE_NAME_DOES_NOT_RESOLVE 53692u
#define WF_MA_M_THE_SPELLING_AND_DNS_NSLOOKUP 53718u
#define WF_MA_M_NO_ANSWER_WITHIN_THE_CONNECT 53756u
#define WF_MA_M_THAT_THE_MACHINE_IS_ON_2 53794u
#define WF_MA_M_CHECK_FOUND_PROBLEMS 53877u
#define WF_MA_M_ADMINISTRATOR_RIGHTS_NEEDED 53898u
#define WF_MA_M_A_SERVICE_FAILED_TO_REACH 53926u
#define WF_MA_M_BLOCKED_BY_CONFIGURATION 53975u
#define WF_MA_M_BUSY_ANOTHER_WUFIX_IS_RUNNING 54000u
#define WF_MA_M_INTERRUPTED_SERVICES_WERE_PUT_BACK 54057u
#define WF_MA_M_UNEXPECTED_SYSTEM_ERROR 54093u
#define WF_MA_M_SUCCESS_A_RESTART_OF_WINDOWS 54117u
#define WF_MA_M_TRY_AGAIN_WITH_A_LONGER 54157u
#define WF_MA_M_RUN_WUFIX_FROM_AN_ELEVATED 54224u
#define WF_MA_M_ITS_START_TYPE_IS_DISABLED 54281u
#define WF_MA_M_THE_SERVICE_IS_NOT_INSTALLED 54345u
#define WF_MA_M_THE_SERVICE_IS_MARKED_FOR 54390u
#define WF_MA_M_TRY_AGAIN_WITH_A_LONGER_2 54442u
#define WF_MA_M_INTERRUPTED_SERVICES_WERE_PUT_BACK_2 54496u
#define WF_MA_M_SEE_THE_SYSTEM_EVENT_LOG 54545u
#define WF_MA_M_A_SERVICE_IT_DEPENDS_ON 54598u
#define WF_MA_M_THE_SERVICE_DOES_NOT_ACCEPT 54638u
#define WF_MA_M_USAGE_WUFIX_COMMAND_OPTIONS_WUFIX 54681u
#define WF_MA_M_DID_NOT_COMPLETE_AND_WAS 54758u
#define WF_MA_M_LEFT_AS_THEY_ARE_PROTECTED 54800u
#define WF_MA_M_SDDL_WU 54874u
#define WF_MA_M_DEF_WINDOWS_UPDATE 55010u
#define WF_MA_M_DEF_EXE_K_NETSVCS 55025u
#define WF_MA_M_DEF_SYSTEM32_WUAUENG_DLL 55070u
#define WF_MA_M_DEF_LOCALSYSTEM 55104u
#define WF_MA_M_DEF_RPCSS 55116u
#define WF_MA_M_DEF_K_NETSVCS_P 55122u
#define WF_MA_M_DEF_UPDATE_ORCHESTRATOR_SERVICE 55170u
#define WF_MA_M_DEF_SYSTEM32_USOCORE_DLL 55198u
#define WF_MA_M_DEF_SYSTEM32_USOSVC_DLL 55232u
#define WF_MA_M_SDDL_BITS 55265u
#define WF_MA_M_DEF_INTELLIGENT_TRANSFER_SERVICE 55415u
#define WF_MA_M_DEF_EXE_K_NETSVCS_2 55455u
#define WF_MA_M_DEF_SYSTEM32_QMGR_DLL 55500u
#define WF_MA_M_DEF_RPCSS_2 55531u
#define WF_MA_M_DEF_K_NETSVCS_P_2 55537u
#define WF_MA_M_DEF_NT_AUTHORITY_NETWORKSERVICE 55585u
#define WF_MA_M_DEF_CRYPTOGRAPHIC_SERVICES 55613u
#define WF_MA_M_DEF_EXE_K_NETWORKSERVICE 55636u
#define WF_MA_M_DEF_SYSTEM32_CRYPTSVC_DLL 55688u
#define WF_MA_M_SDDL_CRYPT 55723u
#define WF_MA_M_DEF_K_NETWORKSERVICE_P 56008u
#define WF_MA_M_DEF_DELIVERY_OPTIMIZATION 56063u
#define WF_MA_M_DEF_SYSTEM32_DOSVC_DLL 56085u
#define WF_MA_M_SDDL_DO_DCRC 56117u
#define WF_MA_M_DEF_K_NETWORKSERVICE_P_2 56338u
#define WF_MA_M_SDDL_DO_DCWPRC 56393u
#define WF_MA_M_DEF_UPDATE_MEDIC_SERVICE 56616u
#define WF_MA_M_DEF_K_WUSVCS_P 56645u
#define WF_MA_M_DEF_SYSTEM32_WAASMEDICSVC_DLL 56692u
#define WF_MA_M_DEF_SERVICING_TRUSTEDINSTALLER_EXE 56731u
#define WF_MA_M_SDDL_TI 56775u
#define WF_MA_M_DEF_WINDOWS_MODULES_INSTALLER 56919u
#define WF_MA_M_DEF_LOCALSYSTEM_2 56945u
#define WF_MA_M_DEF_APP_READINESS 56957u
#define WF_MA_M_DEF_SIGN_IN_ASSISTANT 56971u
#define WF_MA_M_REPEATED_RESET_REMEDY 57007u
#define WF_MA_M_ATTACH_S_LU 57373u
#define WF_MA_M_ITS_NAME_DID_NOT_RESOLVE 57389u
#define WF_MA_M_TCP_U_S_WITHIN_U 57427u
#define WF_MA_M_04U_02U_02UT_02U_02U 57452u
#define WF_MA_M_TCP_135_RPC_S_TCP 57483u
#define WF_MA_M_TCP_135_RPC_S_THE 57534u
#define WF_MA_M_TCP_445_SMB_S_ITS 57623u
#define WF_MA_M_TCP_445_SMB_S 57688u
#define WF_MA_M_S_CANNOT_BE_OPENED_ERROR 57705u
#define WF_MA_M_S_CANNOT_BE_CREATED_ERROR 57737u
#define WF_MA_M_THE_LIST_OF_S_COULD 57770u
#define WF_MA_M_S_CANNOT_BE_USED_S 57882u
#define WF_MA_M_S_WAS_SET_ASIDE_AS 57941u
#define WF_MA_M_S_CANNOT_BE_MADE_SAFE 58005u
#define WF_MA_M_S_WAS_NOT_SAFE_TO 58032u
#define WF_MA_M_IT_CANNOT_BE_OPENED_LU 58122u
#define WF_MA_M_PROGRAMDATA_WUFIX_S 58148u
#define WF_MA_M_THE_TASK_SCHEDULER_ANSWERED_0X 58173u
#define WF_MA_M_S_ITS_REGISTRY_IS_REACHED 58211u
#define WF_MA_M_S_THE_FIREWALL_RULE_GROUP 58251u
#define WF_MA_M_ITS_REGISTRY_DOES_NOT_ANSWER 58320u
#define WF_MA_M_S_CANNOT_BE_READ_LU 58402u
#define WF_MA_M_SYSTEMROOT_SOFTWAREDISTRIBUTION_REPORTINGEVENT 58516u
#define WF_MA_M_SYSTEMROOT_LOGS_CBS_CBS_LOG 58570u
#define WF_MA_M_SYSTEMROOT_LOGS_DISM_DISM_LOG 58600u
#define WF_MA_M_SYSTEMROOT_PANTHER_SETUPACT_LOG 58632u
#define WF_MA_M_SYSTEMROOT_PANTHER_SETUPERR_LOG 58666u
#define WF_MA_M_SYSTEMROOT_SYSTEM32_RECOVERY_REAGENT_XML 58700u
#define WF_MA_M_UPGRADE_PHASES 58743u
#define WF_MA_M_UPGRADE_OPERATIONS 58800u
#define WF_MA_M_CONTACT_IT_SUPPORT 59298u
#define WF_MA_M_CONTACT_IT_SUPPORT_FIRST 59366u
#define WF_MA_M_HKLM_PENDING_FILE_RENAMES 59434u
#define WF_MA_M_WUAUSERV 59516u
#define WF_MA_M_USOSVC 59525u
#define WF_MA_M_BITS 59532u
#define WF_MA_M_CRYPTSVC 59537u
#define WF_MA_M_DOSVC 59546u
#define WF_MA_M_WAASMEDICSVC 59552u
#define WF_MA_M_APPREADINESS 59565u
#define WF_MA_M_WLIDSVC 59578u
#define WF_MA_M_THE_SERVICE_IS_NOT_INSTALLED_2 59586u
#define WF_MA_M_THE_SERVICE_IS_DISABLED_WUFIX 59615u
#define WF_MA_M_THE_SERVICE_IS_MARKED_FOR_2 59672u
#define WF_MA_M_WINRE_S_REAGENT_XML 59810u
#define WF_MA_M_ANOTHER_MACHINE_S_CANNOT_BE 59881u
#define WF_MA_M_250_MB_FREE_IN_THE 59928u
#define WF_MA_M_GIVE_THE_RECOVERY_PARTITION_250 59978u
#define WF_MA_M_THIS_MACHINE_S_CLOCK_SAYS 60048u
#define WF_MA_M_THE_LIKELY_CAUSE_OF_0X80072F8F 60107u
#define WF_MA_M_WITHIN_5_MINUTES_OF_THE 60152u
#define WF_MA_M_SYNC_THE_CLOCK_W32TM_RESYNC 60220u
#define WF_MA_M_WUFIX_REPAIR_POLICIES_UNDO 60318u
#define WF_MA_M_0123456789 60370u
#define WF_MA_M_10S_5S_S 60383u
#define WF_MA_M_RESTART_AFTER 60396u
#define WF_MA_M_OUT_OF_MEMORY 60411u
#define WF_MA_M_TOO_MANY_SERVICES 60425u
#define WF_MA_M_DEPENDENCY_CYCLE_2 60443u
#define WF_MA_M_ACCESS_DENIED 60460u
#define WF_MA_M_NOT_INSTALLED 60474u
#define WF_MA_M_MARKED_FOR_DELETE 60488u
#define WF_MA_M_ALREADY_RUNNING_2 60506u
#define WF_MA_M_CANNOT_ACCEPT_CONTROL 60522u
#define WF_MA_M_DATABASE_LOCKED 60544u
#define WF_MA_M_DEPENDENTS_RUNNING 60560u
#define WF_MA_M_INVALID_CONTROL 60579u
#define WF_MA_M_REQUEST_TIMEOUT 60595u
#define WF_MA_M_DEPENDENCY_FAILED 60611u
#define WF_MA_M_START_FAILED 60629u
#define WF_MA_M_NOT_STOPPABLE 60642u
#define WF_MA_M_SYSTEM_ERROR 60656u
#define WF_MA_M_JOURNAL_ERROR 60669u
#define WF_MA_M_FACILITY_0X_X 60683u
#define WF_MA_M_DELETEKEYS 60697u
#define WF_MA_M_NO_ACCESS_CONTROL 60710u
#define WF_MA_M_START_PENDING 60728u
#define WF_MA_M_STOP_PENDING 60742u
#define WF_MA_M_CONTINUE_PENDING 60755u
#define WF_MA_M_PAUSE_PENDING 60772u
#define WF_MA_M_AUTO_DELAYED 60786u
#define WF_MA_M_NOT_INSTALLED_2 60799u
#define WF_MA_M_AUTOMATIC_DELAYED 60813u
#define WF_MA_M_OF_MACHINES 60833u
#define WF_MA_M_HELP_VERSION 60846u
#define WF_MA_M_WUFIX_STARTED 60860u
#define WF_MA_M_REG_KEY_HEAD 60874u
#define WF_MA_M_NOT_THERE_R_N 60888u
#define WF_MA_M_REG_VALUE_SZ 60902u
#define WF_MA_M_SYSTEMROOT 60915u
#define WF_MA_M_REGISTRY_TXT 60928u
#define WF_MA_M_JSON_COMPUTER 60941u
#define WF_MA_M_MANIFEST_JSON 60954u
#define WF_MA_M_ON_D_S_D 60968u
#define WF_MA_M_YES_FIXES_IT 60981u
#define WF_MA_M_REPAIRED_U 60994u
#define WF_MA_M_COMPUTER_COLON 61008u
#define WF_MA_M_ACCESS_DENIED_2 61021u
#define WF_MA_M_THIS_MACHINE 61035u
#define WF_MA_M_S_RECREATED 61048u
#define WF_MA_M_CURRENTBUILD 61061u
#define WF_MA_M_JSON_PROBLEMS_TEXT 61074u
#define WF_MA_M_SYSTEMROOT_SLASH 61088u
#define WF_MA_M_DEPENDENCIES 61102u
#define WF_MA_M_NOT_INSTALLED_3 61115u
#define WF_MA_M_SERVICE_CODE 61129u
#define WF_MA_M_STUCK_PENDING 61143u
#define WF_MA_M_NOT_DISABLED 61157u
#define WF_MA_M_SINCE_10S 61170u
#define WF_MA_M_INSTALLED_NOT_DISABLED 61184u
#define WF_MA_M_FILES_SKIPPED 61208u
#define WF_MA_M_GATEDBLOCKID 61222u
#define WF_MA_M_DATABASEPATH 61235u
#define WF_MA_M_TIWORKER_EXE 61248u
#define WF_MA_M_WUFIX_JOURNAL 61261u
#define WF_MA_M_99_AAA_9999_99_99 61275u
#define WF_MA_M_99_AAA_99_99_99 61302u
#define WF_MA_M_AAA_9_99_99_99 61327u
#define WF_MA_M_REAGENT_XML_S 61349u
#define WF_MA_M_OVER_64_KB_NOT_READ 61364u
#define WF_MA_M_INSTALLSTATE 61385u
#define WF_MA_M_REAGENT_XML_HAS_NO_INSTALLSTATE 61398u
#define WF_MA_M_STATE_UNKNOWN 61430u
#define WF_MA_M_WINRELOCATION 61444u
#define WF_MA_M_RECOVERY_PARTITION 61458u
#define WF_MA_M_SYSTEM_PARTITION 61477u
#define WF_MA_M_S_SS_NOT_MEASURED_S 61494u
#define WF_MA_M_S_S_S_LLU_MB 61515u
#define WF_MA_M_S_S_S_FREE_SPACE 61548u
#define WF_MA_M_SNO_S_FOUND 61577u
#define WF_MA_M_RECOVERY_PARTITION_SPACE 61591u
#define WF_MA_M_SYSTEM_PARTITION_SPACE 61616u
#define WF_MA_M_TIME_SYNC_OFF 61639u
#define WF_MA_M_S_REGISTRY_POL 61653u
#define WF_MA_M_PROVIDERSET 61671u
#define WF_MA_M_NOAUTOUPDATE 61684u
#define WF_MA_M_0X_08X_S_S_S_3 61697u
#define WF_MA_M_S_BUILD_S 61711u
#define WF_MA_M_HKLM_KEY_VALUE 61725u
#define WF_MA_M_DISPLAY_NAME_HEAD 61738u
#define WF_MA_M_SERVICE_STOP 61751u
#define WF_MA_M_SERVICE_START 61764u
#define WF_MA_M_U_CHANGE_S 61778u
#define WF_MA_M_SFAILED_S 61792u
#define WF_MA_M_LLU_01LLU_S 61805u
#define WF_MA_M_S_BEFORE 61819u
#define WF_MA_M_JSON_LAST_SCAN 61832u
#define WF_MA_M_JSON_PROBLEMS 61846u
#define WF_MA_M_JSON_NEXT_SERVICE 61860u
#define WF_MA_M_JSON_EXPECTED 61873u
#define WF_MA_M_JSON_SERVICES 61886u
#define WF_MA_M_JSON_ACTIONS 61900u
#define WF_MA_M_JSON_CHANGES 61913u
#define WF_MA_M_POLICY_FOUND_1 61926u
#define WF_MA_M_SERVICEDATA 61940u
#define WF_MA_M_RMENDSESSION 61953u
#define WF_MA_M_PROGRAMDATA_WUFIX_JOURNAL_TXT 61966u
#define WF_MA_M_HEAD_HTTP_1_1_R 61998u
#define WF_MA_M_SYSFREESTRING 62047u
#define WF_MA_M_COMMAND_HISTORY_COMPUTER 62061u
#define WF_MA_M_UPDATE_SOURCE_NOT_PROBED 62094u
#define WF_MA_M_PROBED_FROM_THE_MACHINE_ITSELF 62119u
#define WF_MA_M_FIX_START_S_S 62189u
#define WF_MA_M_COMMAND_S_NSTARTED_S_NPID 62206u
#define WF_MA_M_JSON_UPDATING_BUILD 62255u
#define WF_MA_M_JSON_POLICIES 62277u
#define WF_MA_M_DISABLED_BY_MDM_POLICY_WLID 62291u
#define WF_MA_M_THE_WINHTTP_PROXY_SETTING 62450u
#define WF_MA_M_A_REACHABLE_UPDATE_SERVER_OR_DELETE 62562u
#define WF_MA_M_HKLM_POLICY_WUSERVER_S 62669u
#define WF_MA_M_KEY_GP_HISTORY_REGISTRY_S 62738u
#define WF_MA_M_KEY_GP_HISTORY_REGISTRY 62847u
#define WF_MA_M_KEY_INDICATORS_S 62949u
#define WF_MA_M_KEY_INDICATORS 63053u
#define WF_MA_M_HKLM_W32TIME_START_4_DISABLED 63154u
#define WF_MA_M_HKLM_W32TIME_TYPE_NOSYNC 63220u
#define WF_MA_M_KEY_W32TIME_PARAMETERS 63290u
#define WF_MA_M_KEY_W32TIME 63343u
#define WF_MA_M_KEY_IFEO_S 63385u
#define WF_MA_M_KEY_SERVICES_S_S 63462u
#define WF_MA_M_KEY_SERVICES_S_PARAMETERS 63501u
#define WF_MA_M_KEY_SERVICES_S 63549u
#define WF_MA_M_KEY_SESSION_MANAGER 63586u
#define WF_MA_M_KEY_TCPIP_PARAMETERS 63635u
#define WF_MA_M_PREG_LOCAL 63686u
#define WF_MA_M_WAAS_DIR 63737u
#define WF_MA_M_KEY_CURRENT_VERSION 63760u
#define WF_MA_M_U_U_U_U 63802u
#define WF_MA_M_NOT_ACTIVE 63814u
#define WF_MA_M_UNREACHABLE 63825u
#define WF_MA_M_INTERRUPTED 63837u
#define WF_MA_M_USAGE_ERROR 63849u
#define WF_MA_M_OF_SECONDS 63861u
#define WF_MA_M_PARALLEL 63873u
#define WF_MA_M_OF_RESULTS 63884u
#define WF_MA_M_S_S_S_S 63896u
#define WF_MA_M_NEXAMPLES_N 63907u
#define WF_MA_M_NOPTIONS_N 63919u
#define WF_MA_M_JSON_SOURCE 63930u
#define WF_MA_M_JSON_NEXT_SOURCE 63941u
#define WF_MA_M_JSON_SOURCE_FIRST 63953u
#define WF_MA_M_CHECK_JSON 63964u
#define WF_MA_M_JOURNAL_TXT 63975u
#define WF_MA_M_THE_JOURNAL 63987u
#define WF_MA_M_NO_JOURNAL 63999u
#define WF_MA_M_CANNOT_PLAN 64010u
#define WF_MA_M_LLU_LLU_S 64022u
#define WF_MA_M_AN_UPDATE 64034u
#define WF_MA_M_WUFIX_CAN 64045u
#define WF_MA_M_TO_FIX_IT 64057u
#define WF_MA_M_YES_FIXES 64069u
#define WF_MA_M_REPAIR_NOW 64080u
#define WF_MA_M_HEALTHY_N 64092u
#define WF_MA_M_0X_08X_S 64103u
#define WF_MA_M_JSON_UPDATE 64115u
#define WF_MA_M_WAS_AN_UNDO 64126u
#define WF_MA_M_WUFIX_S_N 64138u
#define WF_MA_M_S_S_S_S_2 64149u
#define WF_MA_M_0123456789_2 64160u
#define WF_MA_M_LLU_BYTE_S 64172u
#define WF_MA_M_S_WUFIX_S 64184u
#define WF_MA_M_S_NULL 64196u
#define WF_MA_M_S_LLD 64207u
#define WF_MA_M_START_TYPE_2 64218u
#define WF_MA_M_NOT_RUNNING 64229u
#define WF_MA_M_IMAGE_PATH 64241u
#define WF_MA_M_PARAMETERS 64252u
#define WF_MA_M_SERVICEDLL 64264u
#define WF_MA_M_SERVICE_DLL 64275u
#define WF_MA_M_UNREADABLE 64287u
#define WF_MA_M_SSTART_S 64298u
#define WF_MA_M_900S_S 64309u
#define WF_MA_M_USEWUSERVER 64321u
#define WF_MA_M_SVCHOST_EXE 64333u
#define WF_MA_M_A_POLICY_S 64345u
#define WF_MA_M_100S_S 64356u
#define WF_MA_M_PROFILENAME 64367u
#define WF_MA_M_700S_S 64379u
#define WF_MA_M_OVER_16_MIB 64390u
#define WF_MA_M_UNDOES_S_N 64402u
#define WF_MA_M_UNRECORDED 64413u
#define WF_MA_M_CLOCK_SKEW 64424u
#define WF_MA_M_NOT_PAUSED 64435u
#define WF_MA_M_FILESYSPATH 64446u
#define WF_MA_M_DISPLAYNAME 64458u
#define WF_MA_M_LEFT_S_N 64470u
#define WF_MA_M_START_TYPE_3 64482u
#define WF_MA_M_PUT_BACK 64493u
#define WF_MA_M_TEN_SPACES 64504u
#define WF_MA_M_R_NCHANGED 64515u
#define WF_MA_M_JSON_SERVICE 64526u
#define WF_MA_M_JSON_MEANING 64538u
#define WF_MA_M_JSON_VERSION 64550u
#define WF_MA_M_JSON_EDITION 64562u
#define WF_MA_M_JSON_SERVICE_FIRST 64574u
#define WF_MA_M_JSON_PROGRAM 64586u
#define WF_MA_M_JSON_MESSAGE 64598u
#define WF_MA_M_JSON_REMEDY 64610u
#define WF_MA_M_JSON_COMMAND 64621u
#define WF_MA_M_JSON_ERROR 64633u
#define WF_MA_M_DISALLOWRUN 64644u
#define WF_MA_M_ROLLED_BACK 64656u
#define WF_MA_M_HKEY_USERS 64668u
/* clang-format on */

#endif
