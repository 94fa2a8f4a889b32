/* SPDX-License-Identifier: MIT */
/* waas.c - reading Windows' own copy of the service defaults.
 *
 * The files are component manifests: one <serviceData> element whose
 * attributes hold the service's configuration
 *   <serviceData name="UsoSvc" start="delayedAuto" imagePath="...svchost.exe -k netsvcs -p"
 *                dependOnService="rpcss" objectName="LocalSystem" type="win32ShareProcess">
 * and, where present, the Parameters key as
 *   <registryValue name="ServiceDll" valueType="REG_EXPAND_SZ" value="..."/>.
 * Only these attributes are read; anything else in the file is ignored. */
#include "wufix/mech/waas.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *wf_xml_element_end(const char *tag)
{
    const char *q = strchr(tag, '>');
    return q ? q : tag + strlen(tag);
}

bool wf_xml_attr(const char *tag, const char *end, const char *name, char *out, size_t size)
{
    size_t n = strlen(name);
    for (const char *p = tag; p + n + 2 < end; p++) {
        if ((p[-1] != ' ' && p[-1] != '\t' && p[-1] != '\n' && p[-1] != '\r') || strncmp(p, name, n) != 0 ||
            p[n] != '=' || (p[n + 1] != '"' && p[n + 1] != '\''))
            continue;
        char quote = p[n + 1];
        const char *v = p + n + 2;
        size_t o = 0;
        for (; v < end && *v != quote; v++) {
            char c = *v;
            if (c == '&') {
                static const struct {
                    const char *ent;
                    char c;
                } ents[] = {{"&quot;", '"'}, {"&apos;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}};
                size_t k = 0;
                while (k < sizeof(ents) / sizeof(ents[0]) &&
                       strncmp(v, ents[k].ent, strlen(ents[k].ent)) != 0)
                    k++;
                if (k == sizeof(ents) / sizeof(ents[0]))
                    return false;
                c = ents[k].c;
                v += strlen(ents[k].ent) - 1;
            }
            if (o + 1 >= size)
                return false;
            out[o++] = c;
        }
        if (v >= end)
            return false;
        out[o] = '\0';
        return true;
    }
    return false;
}

static enum wf_start_type start_from(const char *s)
{
    static const struct {
        const char *word;
        enum wf_start_type t;
    } words[] = {{"auto", WF_START_AUTO},     {"delayedAuto", WF_START_AUTO_DELAYED},
                 {"demand", WF_START_MANUAL}, {"disabled", WF_START_DISABLED},
                 {"boot", WF_START_BOOT},     {"system", WF_START_SYSTEM}};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (wf_name_cmp(s, words[i].word) == 0)
            return words[i].t;
    return WF_START_UNKNOWN;
}

wf_err wf_waas_parse(const char *xml, struct wf_waas_entry *out)
{
    char v[WF_TEXT_MAX];
    memset(out, 0, sizeof(*out));
    out->start_type = WF_START_UNKNOWN;
    const char *tag = strstr(xml, WF_M(M_SERVICEDATA));
    if (!tag || (tag[12] != ' ' && tag[12] != '\t' && tag[12] != '\n' && tag[12] != '\r'))
        return WF_E_BAD_DATA;
    const char *end = wf_xml_element_end(tag);
    if (!wf_xml_attr(tag + 12, end, "name", out->name, sizeof(out->name)) || !out->name[0])
        return WF_E_BAD_DATA;
    if (wf_xml_attr(tag + 12, end, "start", v, sizeof(v)))
        out->start_type = start_from(v);
    (void)wf_xml_attr(tag + 12, end, "imagePath", out->image_path, sizeof(out->image_path));
    if (wf_xml_attr(tag + 12, end, WF_M(M_DEPENDONSERVICE), v, sizeof(v))) {
        size_t o = 0;
        for (const char *p = v; *p && o + 1 < sizeof(out->depends_on); p++) {
            bool sep = *p == ',' || *p == ';' || *p == ' ';
            if (sep && (o == 0 || out->depends_on[o - 1] == ','))
                continue;
            out->depends_on[o++] = (char)(sep ? ',' : *p);
        }
        if (o && out->depends_on[o - 1] == ',')
            o--;
        out->depends_on[o] = '\0';
        out->has_deps = true;
    }
    for (const char *r = strstr(xml, WF_M(M_REGISTRYVALUE)); r; r = strstr(r + 1, WF_M(M_REGISTRYVALUE))) {
        const char *rend = wf_xml_element_end(r);
        if (wf_xml_attr(r + 14, rend, "name", v, sizeof(v)) && wf_name_cmp(v, WF_M(M_SERVICEDLL)) == 0) {
            (void)wf_xml_attr(r + 14, rend, "value", out->service_dll, sizeof(out->service_dll));
            break;
        }
    }
    return WF_OK;
}

void wf_waas_load(const struct wf_host *h, struct wf_waas *out)
{
    char names[WF_WAAS_FILES][WF_NAME_MAX], path[WF_TEXT_MAX + WF_NAME_MAX + 2];
    size_t n = 0;
    out->n = 0;
    if (h->ops->expand(h->self, WF_WAAS_DIR, out->dir, sizeof(out->dir)) != WF_OK ||
        h->ops->list(h->self, out->dir, "*.xml", names, WF_WAAS_FILES, &n) != WF_OK)
        return;
    char *text = malloc(WF_WAAS_TEXT);
    if (!text)
        return;
    for (size_t i = 0; i < n; i++) {
        struct wf_waas_entry *e = &out->e[out->n];
        snprintf(path, sizeof(path), "%s\\%s", out->dir, names[i]);
        if (h->ops->read_text(h->self, path, text, WF_WAAS_TEXT) != WF_OK ||
            wf_waas_parse(text, e) != WF_OK || !wf_defaults_find(e->name))
            continue;
        wf_strlcpy(e->file, names[i], sizeof(e->file));
        out->n++;
    }
    free(text);
}
