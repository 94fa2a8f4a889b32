/* SPDX-License-Identifier: MIT */
/* tasks.c - Windows Update's scheduled tasks, read through the Task
 * Scheduler (the host's `tasks`), never from its files.
 *
 * Blockers disable or delete the tasks under \Microsoft\Windows\
 * UpdateOrchestrator, WindowsUpdate, WaaSMedic and InstallService (WinUtil's
 * Invoke-WPFUpdatesdisable.ps1, 29595f90, disables every task of those
 * folders; its "default" enables every one again, those Windows ships
 * disabled included). Only what a public source shows enabled on a stock
 * machine of the build is judged; a task Windows ships disabled is never a
 * problem, and a build without a source is not judged at all.
 *
 * 26200 (Windows 11 25H2): nohuto/win-config system/assets/scheduled-tasks.json
 *   (fd0734e0, "a stock 25H2 installation", Export-ScheduledTask of every task;
 *   a disabled task carries Settings Enabled=false, the XML default being true,
 *   Microsoft Learn "Enabled (settingsType) Element"). It ships disabled:
 *   InstallService\WakeUpAndContinueUpdates, InstallService\WakeUpAndScanForUpdates,
 *   UpdateOrchestrator\Schedule Maintenance Work, WaaSMedic\PerformRemediation
 *   (so is 22621's in its RTM manifest, research/windows-update-services.md [S23]).
 *   Left out though enabled there: UpdateOrchestrator\Schedule Work and Schedule
 *   Wake To Work, which public Get-ScheduledTask listings of other Windows 10
 *   and 11 machines show Disabled: one machine's state is no stock state. */
#include "wufix/mech/tasks.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

#include "wufix/base/buf.h"

static const char *const stock_26200[] = {"InstallService\\RestoreDevice",
                                          "InstallService\\ScanForUpdates",
                                          "InstallService\\ScanForUpdatesAsUser",
                                          "InstallService\\SmartRetry",
                                          "UpdateOrchestrator\\Report policies",
                                          "UpdateOrchestrator\\Schedule Scan",
                                          "UpdateOrchestrator\\Schedule Scan Static Task",
                                          "UpdateOrchestrator\\Start Oobe Expedite Work",
                                          "UpdateOrchestrator\\StartOobeAppsScanAfterUpdate",
                                          "UpdateOrchestrator\\StartOobeAppsScan_LicenseAccepted",
                                          "UpdateOrchestrator\\UIEOrchestrator",
                                          "UpdateOrchestrator\\USO_UxBroker",
                                          "UpdateOrchestrator\\UUS Failover Task",
                                          "WindowsUpdate\\Refresh Group Policy Cache",
                                          "WindowsUpdate\\Scheduled Start",
                                          NULL};

const char *const *wf_tasks_stock(unsigned build, bool server)
{
    return build == 26200 && !server ? stock_26200 : NULL;
}

void wf_tasks_check(const struct wf_host *h, struct wf_check *c)
{
    const char *const *want = wf_tasks_stock(c->build, c->server);
    const char *names[WF_TASKS_MAX];
    enum wf_task_state state[WF_TASKS_MAX];
    char folder[WF_NAME_MAX], path[WF_TEXT_MAX], expected[WF_TEXT_MAX], why[WF_TEXT_MAX] = "";
    if (!want || !h->ops->tasks)
        return;
    for (size_t i = 0, k; want[i]; i += k) {
        /* One folder's tasks at a time: "Folder\\Name", the folder's length `len`. */
        size_t len = (size_t)(strrchr(want[i], '\\') - want[i]);
        for (k = 0; want[i + k] && k < WF_TASKS_MAX && !strncmp(want[i + k], want[i], len + 1); k++)
            names[k] = want[i + k] + len + 1;
        snprintf(folder, sizeof(folder), WF_TASKS_ROOT "%.*s", (int)len, want[i]);
        wf_err e = h->ops->tasks(h->self, folder, names, k, state, why, sizeof(why));
        if (e == WF_E_NO_SERVICE) {
            snprintf(path, sizeof(path), "%s\\", folder);
            wf_check_add(c, "", WF_M(M_UPDATE_TASK_MISSING), WF_SEV_WARNING, false, path,
                         WF_M(M_THE_FOLDER_WITH_THE_TASKS));
        } else if (e != WF_OK) {
            wf_check_add(c, "", WF_M(M_UPDATE_TASKS_SKIPPED), WF_SEV_INFO, false, why, "readable");
            return;
        }
        for (size_t j = 0; e == WF_OK && j < k; j++) {
            snprintf(path, sizeof(path), "%s\\%s", folder, names[j]);
            if (state[j] == WF_TASK_MISSING)
                wf_check_add(c, "", WF_M(M_UPDATE_TASK_MISSING), WF_SEV_WARNING, false, path,
                             WF_M(M_PRESENT_ENABLED));
            else if (state[j] == WF_TASK_DISABLED) {
                snprintf(expected, sizeof(expected), WF_M(M_ENABLED_SCHTASKS_CHANGE_TN_900S), path);
                wf_check_add(c, "", WF_M(M_UPDATE_TASK_DISABLED), WF_SEV_WARNING, false, path, expected);
            }
        }
    }
}
