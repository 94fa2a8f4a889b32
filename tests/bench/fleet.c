/* SPDX-License-Identifier: MIT */
/* fleet.c - the --computer benchmark (prints figures; not a test): 100 fake
 * machines, each taking 200 ms to reach, restarted with --parallel 8 and 32;
 * the wall time of each run against the ideal, ceil(100 / N) times the wall
 * time of one machine alone, measured in the same run.
 *
 *   bench_fleet [MACHINES] [LATENCY_MS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fake_scm.h"

static double now_ms(void)
{
    struct timespec t;
    timespec_get(&t, TIME_UTC);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static double run(struct fake_platform *fp, const char *const *args, int *code)
{
    double t0 = now_ms();
    *code = fake_platform_run(fp, args);
    return now_ms() - t0;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 100;
    uint32_t latency = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 200;
    if (n < 1 || n > 1000)
        return 2;
    struct fake_scm *here = calloc(1, sizeof(*here));
    struct fake_scm *scm = calloc(n, sizeof(*scm));
    struct fake_machine *m = calloc(n, sizeof(*m));
    struct fake_platform *fp = calloc(1, sizeof(*fp));
    char *list = calloc(n, 16);
    size_t used = 0;
    if (!here || !scm || !m || !fp || !list)
        return 8;
    fake_scm_init(here);
    fake_scm_windows(here);
    fake_platform_init(fp, here, true);
    for (size_t i = 0; i < n; i++) {
        fake_scm_init(&scm[i]);
        fake_scm_windows(&scm[i]);
        m[i].scm = &scm[i];
        m[i].latency_ms = latency;
        snprintf(m[i].name, sizeof(m[i].name), "PC%03u", (unsigned)i + 1);
        used += (size_t)snprintf(list + used, n * 16 - used, "%s\n", m[i].name);
    }
    fake_platform_machines(fp, m, n);
    fake_file_put(here, "C:\\fleet.txt", strlen(list))->content = list;

    int code;
    double one = run(fp, (const char *const[]){"restart", "-q", "--computer", "PC001", NULL}, &code);
    if (code != 0) {
        fprintf(stderr, "one machine: exit %d\n%s", code, wf_buf_str(&fp->err));
        return 1;
    }
    printf("--computer benchmark: %u fake machines, %u ms to reach each, a restart on each\n", (unsigned)n,
           (unsigned)latency);
    printf("one machine alone: %.0f ms\n\n", one);
    printf("  --parallel  wall ms  ideal ms  ratio\n");
    static const char *const widths[] = {"8", "32"};
    int worst = 0;
    for (size_t k = 0; k < sizeof(widths) / sizeof(widths[0]); k++) {
        unsigned p = (unsigned)strtoul(widths[k], NULL, 10);
        double wall = run(fp,
                          (const char *const[]){"restart", "-q", "--computer", "@C:\\fleet.txt", "--parallel",
                                                widths[k], NULL},
                          &code);
        double ideal = (double)((n + p - 1) / p) * one;
        printf("  %10u  %7.0f  %8.0f  %5.3f%s\n", p, wall, ideal, wall / ideal,
               code ? "  (a machine failed)" : "");
        worst |= code;
    }
    printf("\ntarget: a ratio within 1.10\n");
    fake_platform_release(fp);
    free(list);
    free(fp);
    free(m);
    free(scm);
    free(here);
    return worst ? 1 : 0;
}
