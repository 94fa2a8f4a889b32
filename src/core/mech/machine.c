/* SPDX-License-Identifier: MIT */
/* machine.c - what around the services Windows Update needs: the clock,
 * and the partitions two failure codes come from.
 * A clock that drifts fails HTTPS (0x80072F8F, a certificate's dates
 * judged against a wrong clock): the Windows Time service keeps it right.
 * Measured, reported, never changed: no partition is ever resized. */
#include "wufix/mech/machine.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/buf.h"
#include "wufix/base/svc.h"
#include "wufix/mech/pause.h"
#include "wufix/mech/waas.h"

#define WF_REAGENT_MAX (64u << 10)
#define WF_MB          ((uint64_t)1024 * 1024)
/* What the WinRE update needs free in the recovery partition: "at least
 * 250 MB of free space" (Microsoft, KB5034441 "Windows Recovery Environment
 * update", and KB5028997 "Instructions to manually resize your partition to
 * install the WinRE update"). */
#define WF_WINRE_FREE (250u * WF_MB)

/* Whether `s` has the shape `p`, as long: '9' a digit, '_' a digit or a
 * space, 'a' a letter, any other itself. */
static bool shape(const char *s, const char *p)
{
    for (; *p; s++, p++)
        if (!(*p == '9'   ? *s >= '0' && *s <= '9'
              : *p == '_' ? (*s >= '0' && *s <= '9') || *s == ' '
              : *p == 'a' ? (*s | 0x20) >= 'a' && (*s | 0x20) <= 'z'
                          : *s == *p))
            return false;
    return !*s;
}

/* The number of `n` characters at `s` (spaces read as 0). */
static int num(const char *s, int n)
{
    int v = 0;
    while (n--)
        v = v * 10 + (*s == ' ' ? 0 : *s - '0'), s++;
    return v;
}

/* One HTTP-date (RFC 9110 section 5.6.7): IMF-fixdate "Sun, 06 Nov 1994
 * 08:49:37 GMT", and the obsolete rfc850-date "Sunday, 06-Nov-94 08:49:37
 * GMT" and asctime-date "Sun Nov  6 08:49:37 1994" a recipient must still
 * take; a two-digit year more than 50 years ahead of `year` is the latest
 * past one with those digits (the same section). */
static bool http_date(const char *v, int year, char *out)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec",
                      mdays[] = "\37\35\37\36\37\36\37\37\36\37\36\37";
    const char *t = v, *mon, *hms;
    int y, d;
    while ((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z') /* the day's name */
        t++;
    if (t - v < 3)
        return false;
    if (shape(t, WF_M(M_99_AAA_9999_99_99))) { /* IMF-fixdate */
        d = num(t + 2, 2), mon = t + 5, y = num(t + 9, 4), hms = t + 14;
    } else if (shape(t, WF_M(M_99_AAA_99_99_99))) { /* rfc850-date */
        d = num(t + 2, 2), mon = t + 5, y = year / 100 * 100 + num(t + 9, 2), hms = t + 12;
        y -= y > year + 50 ? 100 : 0;
    } else if (shape(t, WF_M(M_AAA_9_99_99_99))) { /* asctime-date */
        mon = t + 1, d = num(t + 5, 2), hms = t + 8, y = num(t + 17, 4);
    } else {
        return false;
    }
    const char *m = months;
    while (*m && strncmp(m, mon, 3) != 0)
        m += 3;
    int mi = (int)(m - months) / 3, hh = num(hms, 2), mm = num(hms + 3, 2), ss = num(hms + 6, 2);
    if (!*m || d < 1 || d > mdays[mi] + (mi == 1 && y % 4 == 0 && (y % 100 || y % 400 == 0)) - (mi == 1) ||
        hh > 23 || mm > 59 || ss > 60)
        return false;
    /* (each number in range already: the remainders tell the compiler so) */
    snprintf(out, 21, WF_M(M_04U_02U_02UT_02U_02U), (unsigned)y % 10000u, (unsigned)(mi + 1) % 100u,
             (unsigned)d % 100u, (unsigned)hh % 100u, (unsigned)mm % 100u, (unsigned)ss % 100u);
    return true;
}

bool wf_http_date(const char *reply, int year, char *out)
{
    char v[64];
    if (strncmp(reply, "HTTP/", 5) != 0)
        return false;
    /* Each whole line up to the empty one that ends the header section. */
    for (const char *l = strchr(reply, '\n'), *e; l && (e = strchr(++l, '\n')) && *l != '\r' && *l != '\n';
         l = e) {
        if ((l[0] | 0x20) != 'd' || (l[1] | 0x20) != 'a' || (l[2] | 0x20) != 't' || (l[3] | 0x20) != 'e' ||
            l[4] != ':')
            continue;
        l += 5 + strspn(l + 5, " \t");
        size_t n = (size_t)(e - l);
        while (n && (l[n - 1] == '\r' || l[n - 1] == ' ' || l[n - 1] == '\t'))
            n--;
        if (n >= sizeof(v))
            return false;
        memcpy(v, l, n);
        v[n] = '\0';
        return http_date(v, year, out);
    }
    return false;
}

/* The value of `attr` in the first <tag ...> of a text no one vouches for
 * (waas.c's reader), controls as spaces. */
static bool xml_attr(const char *xml, const char *tag, const char *attr, char *out, size_t size)
{
    char key[32];
    snprintf(key, sizeof(key), "<%s ", tag);
    const char *a = strstr(xml, key);
    if (!a || !wf_xml_attr(a + 1, wf_xml_element_end(a), attr, out, size))
        return false;
    for (char *p = out; *p; p++)
        if ((unsigned char)*p < ' ' || *p == 0x7f)
            *p = ' ';
    return true;
}

/* WinRE's state from %windir%\System32\Recovery\ReAgent.xml, which
 * reagentc keeps (a file under System32, read as untrusted text all the
 * same): InstallState's state, WinreLocation's path and WinreBCD's id,
 * which reagentc /info shows as its status, "Windows RE location" and
 * "Boot Configuration Data (BCD) identifier" (Microsoft Learn, "WinRE can't
 * be built after you deploy a Windows 8.1 image", KB2952359, shows the file
 * and that output). State 1 is read as enabled, 0 as disabled (the same
 * page: 0 where WinRE could not be built); any other is shown raw. */
static void winre(const struct wf_host *h, char *out, size_t size)
{
    char path[WF_TEXT_MAX], state[16], where[160], bcd[48];
    char *xml = malloc(WF_REAGENT_MAX);
    wf_err e = WF_E_SYSTEM;
    bool at = xml && !h->no_files &&
              h->ops->expand(h->self, WF_M(M_SYSTEMROOT_SYSTEM32_RECOVERY_REAGENT_XML), path, sizeof(path)) ==
                  WF_OK;
    if (at)
        e = h->ops->read_text(h->self, path, xml, WF_REAGENT_MAX);
    if (at && e == WF_E_SYSTEM && h->ops->file_exists(h->self, path) == WF_E_NO_SERVICE)
        e = WF_E_NO_SERVICE;
    if (e != WF_OK)
        snprintf(out, size, WF_M(M_REAGENT_XML_S),
                 e == WF_E_NO_SERVICE ? "not there"
                 : e == WF_E_LIMIT    ? WF_M(M_OVER_64_KB_NOT_READ)
                                      : "not read");
    else if (!xml_attr(xml, WF_M(M_INSTALLSTATE), "state", state, sizeof(state)))
        wf_strlcpy(out, WF_M(M_REAGENT_XML_HAS_NO_INSTALLSTATE), size);
    else
        snprintf(out, size, WF_M(M_WINRE_S_REAGENT_XML),
                 !strcmp(state, "1")   ? "enabled"
                 : !strcmp(state, "0") ? "disabled"
                                       : WF_M(M_STATE_UNKNOWN),
                 state,
                 xml_attr(xml, WF_M(M_WINRELOCATION), "path", where, sizeof(where)) && where[0] ? where
                                                                                                : "none",
                 xml_attr(xml, "WinreBCD", "id", bcd, sizeof(bcd)) && bcd[0] ? bcd : "none");
    free(xml);
}

/* The partitions of `kind`, measured, added to `out`; whether one has less
 * than `need` free. */
static bool partitions(const struct wf_host *h, int kind, uint64_t need, char *out, size_t size)
{
    struct wf_volume vol[8];
    size_t n = 0, o = strlen(out), found = 0;
    bool short_of = false;
    const char *what = kind == WF_PART_RECOVERY ? WF_M(M_RECOVERY_PARTITION) : WF_M(M_SYSTEM_PARTITION);
    if (!h->ops->volumes || h->ops->volumes(h->self, vol, 8, &n) != WF_OK) {
        snprintf(out + o, size - o, WF_M(M_S_SS_NOT_MEASURED_S), o ? "; " : "", what,
                 h->ops->volumes ? "" : WF_M(M_ANOTHER_MACHINE_S_CANNOT_BE));
        return false;
    }
    for (size_t i = 0; i < n && o + 1 < size; i++) {
        if (vol[i].kind != kind)
            continue;
        found++;
        if (vol[i].measured)
            snprintf(out + o, size - o, WF_M(M_S_S_S_LLU_MB), o ? "; " : "", what, vol[i].path,
                     (unsigned long long)(vol[i].free / WF_MB), (unsigned long long)(vol[i].total / WF_MB));
        else
            snprintf(out + o, size - o, WF_M(M_S_S_S_FREE_SPACE), o ? "; " : "", what, vol[i].path);
        short_of |= vol[i].measured && vol[i].free < need;
        o += strlen(out + o);
    }
    if (!found && o + 1 < size)
        snprintf(out + o, size - o, WF_M(M_SNO_S_FOUND), o ? "; " : "", what);
    return short_of;
}

/* Whether the failures found hold this code. */
static bool failed_with(const struct wf_check *c, uint32_t hr)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->p[i].has_hresult && c->p[i].hresult == hr)
            return true;
    return false;
}

void wf_machine_check(const struct wf_host *h, struct wf_check *c)
{
    struct wf_reg v;
    char found[WF_TEXT_MAX] = "";
    /* 0x80070643 of the WinRE update (KB5034441): the recovery partition's
     * free space against Microsoft's 250 MB. */
    if (failed_with(c, 0x80070643)) {
        winre(h, found, sizeof(found));
        bool low = partitions(h, WF_PART_RECOVERY, WF_WINRE_FREE, found, sizeof(found));
        struct wf_problem *pr =
            wf_check_add(c, "", WF_M(M_RECOVERY_PARTITION_SPACE), low ? WF_SEV_WARNING : WF_SEV_INFO, false,
                         found, WF_M(M_250_MB_FREE_IN_THE));
        if (pr && low)
            pr->remedy = WF_M(M_GIVE_THE_RECOVERY_PARTITION_250);
    }
    /* 0x800F0922: the System Reserved or EFI system partition's free space,
     * measured (third-party advice names it full; Microsoft's page for the
     * code names other causes): information. */
    if (failed_with(c, 0x800F0922)) {
        found[0] = '\0';
        partitions(h, WF_PART_SYSTEM, 0, found, sizeof(found));
        wf_check_add(c, "", WF_M(M_SYSTEM_PARTITION_SPACE), WF_SEV_INFO, false, found, "");
    }
    if (h->no_registry)
        return;
    /* The service's Start value, as the SCM keeps it: 4 is SERVICE_DISABLED
     * (winnt.h). */
    struct wf_problem *pr = NULL;
    if (h->ops->reg_read(h->self, WF_M(M_KEY_W32TIME), "Start", &v) == WF_OK && v.type == WF_REG_DWORD &&
        v.dword == 4)
        pr = wf_check_add(c, "", WF_M(M_TIME_SERVICE_DISABLED), WF_SEV_WARNING, false,
                          WF_M(M_HKLM_W32TIME_START_4_DISABLED), WF_M(M_NOT_DISABLED));
    if (pr)
        pr->remedy = WF_M(M_TURN_THE_WINDOWS_TIME_SERVICE);
    /* Parameters\Type: NoSync, "the time service doesn't synchronize with
     * other sources"; NTP by default on stand-alone machines, NT5DS on
     * domain members (Microsoft Learn, "Windows Time service tools and
     * settings"). */
    if (h->ops->reg_read(h->self, WF_M(M_KEY_W32TIME_PARAMETERS), "Type", &v) == WF_OK &&
        (v.type == WF_REG_SZ || v.type == WF_REG_EXPAND_SZ) && wf_name_cmp(v.str, "NoSync") == 0)
        pr = wf_check_add(c, "", WF_M(M_TIME_SYNC_OFF), WF_SEV_WARNING, false,
                          WF_M(M_HKLM_W32TIME_TYPE_NOSYNC), WF_M(M_NTP_OR_NT5DS_IN_A));
    else
        pr = NULL;
    /* w32tm /config /syncfromflags: MANUAL sets NTP, DOMHIER NT5DS (the same page). */
    if (pr)
        pr->remedy = WF_M(M_RUN_W32TM_CONFIG_SYNCFROMFLAGS_DOMHIER);
}

/* Kerberos' "Maximum tolerance for computer clock synchronization": 5
 * minutes by default (Microsoft Learn, the security policy setting's page),
 * the skew Windows itself tolerates between machines. */
#define WF_SKEW_MAX (5LL * 60)

void wf_machine_clock(const struct wf_host *h, struct wf_check *c, const char *host, const char *reply)
{
    char now[32], date[21], found[WF_TEXT_MAX];
    long long t1, t0;
    h->ops->utc_now(h->self, now, sizeof(now));
    if (!wf_pause_seconds(now, &t1) || !wf_http_date(reply, (int)strtol(now, NULL, 10), date) ||
        !wf_pause_seconds(date, &t0) || (t1 - t0 <= WF_SKEW_MAX && t0 - t1 <= WF_SKEW_MAX))
        return;
    snprintf(found, sizeof(found), WF_M(M_THIS_MACHINE_S_CLOCK_SAYS), now, host, date,
             t1 > t0 ? t1 - t0 : t0 - t1, t1 > t0 ? "ahead" : "behind",
             failed_with(c, 0x80072F8F) ? WF_M(M_THE_LIKELY_CAUSE_OF_0X80072F8F) : "");
    struct wf_problem *pr = wf_check_add(c, "", WF_M(M_CLOCK_SKEW), WF_SEV_WARNING, false, found,
                                         WF_M(M_WITHIN_5_MINUTES_OF_THE));
    if (pr)
        pr->remedy = WF_M(M_SYNC_THE_CLOCK_W32TM_RESYNC);
}
