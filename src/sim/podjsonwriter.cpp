// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/podjsonwriter.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace Specula::Sim {

namespace {

void str(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (u < 0x20) {
            out += "\\u00";
            out += "0123456789abcdef"[u >> 4];
            out += "0123456789abcdef"[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

void key(QByteArray &out, const char *name)
{
    out += '"';
    out += name;
    out += "\":";
}

void map(QByteArray &out, const StringMap &values)
{
    out += '{';
    bool first = true;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!first)
            out += ',';
        first = false;
        str(out, it.key());
        out += ':';
        str(out, it.value());
    }
    out += '}';
}

void condition(QByteArray &out, const char *type, bool status, const QString &time, const QString &reason = {},
               const QString &message = {})
{
    out += "{\"type\":\"";
    out += type;
    out += status ? "\",\"status\":\"True\"" : "\",\"status\":\"False\"";
    out += ",\"lastProbeTime\":null,\"lastTransitionTime\":";
    str(out, time);
    if (!reason.isEmpty()) {
        out += ",\"reason\":";
        str(out, reason);
    }
    if (!message.isEmpty()) {
        out += ",\"message\":";
        str(out, message);
    }
    out += '}';
}

void containerSpec(QByteArray &out, const ContainerDesc &c)
{
    out += "{\"name\":";
    str(out, c.name);
    out += ",\"image\":";
    str(out, c.image);
    out += ",\"resources\":{";
    if (!c.requests.isEmpty()) {
        key(out, "requests");
        map(out, c.requests);
    }
    if (!c.limits.isEmpty()) {
        if (!c.requests.isEmpty())
            out += ',';
        key(out, "limits");
        map(out, c.limits);
    }
    if (!c.claims.isEmpty()) {
        if (!c.requests.isEmpty() || !c.limits.isEmpty())
            out += ',';
        key(out, "claims");
        out += '[';
        for (qsizetype i = 0; i < c.claims.size(); ++i) {
            out += i ? ",{\"name\":" : "{\"name\":";
            str(out, c.claims.at(i));
            out += '}';
        }
        out += ']';
    }
    out += "},\"volumeMounts\":[{\"name\":\"kube-api-access\",\"readOnly\":true,\"mountPath\":\"/var/run/secrets/"
           "kubernetes.io/serviceaccount\"}],\"terminationMessagePath\":\"/dev/termination-log\","
           "\"terminationMessagePolicy\":\"File\",\"imagePullPolicy\":\"IfNotPresent\"";
    if (!c.env.isEmpty()) {
        out += ",\"env\":[";
        for (qsizetype i = 0; i < c.env.size(); ++i) {
            out += i ? ",{\"name\":" : "{\"name\":";
            str(out, c.env.at(i).first);
            out += ",\"value\":";
            str(out, c.env.at(i).second);
            out += '}';
        }
        out += ']';
    }
    if (!c.ports.isEmpty()) {
        out += ",\"ports\":[";
        for (qsizetype i = 0; i < c.ports.size(); ++i) {
            out += i ? ",{\"containerPort\":" : "{\"containerPort\":";
            out += QByteArray::number(c.ports.at(i));
            out += ",\"protocol\":\"TCP\"}";
        }
        out += ']';
    }
    if (c.sidecar)
        out += ",\"restartPolicy\":\"Always\"";
    out += '}';
}

// RFC 3339 in UTC with second precision, as ObjectRenderer::timestamp gives but without QDateTime's
// general formatting, which was a tenth of the load time of a large cluster.
QString isoTime(qint64 epochSeconds)
{
    const qint64 days = epochSeconds >= 0 ? epochSeconds / 86400 : (epochSeconds - 86399) / 86400;
    const qint64 secs = epochSeconds - days * 86400;
    // Civil date from days since 1970-01-01 (proleptic Gregorian calendar).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buffer[21];
    const qint64 fields[] = { year, month, day, secs / 3600, (secs / 60) % 60, secs % 60 };
    const char separators[] = { '-', '-', 'T', ':', ':', 'Z' };
    int pos = 0;
    for (int i = 0; i < 6; ++i) {
        const int width = i == 0 ? 4 : 2;
        qint64 value = fields[i];
        for (int d = width - 1; d >= 0; --d) {
            buffer[pos + d] = char('0' + value % 10);
            value /= 10;
        }
        pos += width;
        buffer[pos++] = separators[i];
    }
    return QString::fromLatin1(buffer, pos);
}

} // namespace

PodJsonWriter::PodJsonWriter(const ObjectRenderer &renderer)
    : m_renderer(renderer)
{ }

StoredObject PodJsonWriter::render(const PodDesc &pod, quint64 resourceVersion) const
{
    const qint64 now = m_renderer.now().toSecsSinceEpoch();
    const QString created = isoTime(now - pod.ageSeconds);
    const QString started = isoTime(now - qMax<qint64>(0, pod.ageSeconds - 5));
    const QString podUid = m_renderer.uid(u"Pod"_qs, pod.ns, pod.name);

    StoredObject stored;
    stored.ns = pod.ns;
    stored.name = pod.name;
    stored.resourceVersion = resourceVersion;
    stored.createdMs = (now - pod.ageSeconds) * 1000;
    stored.labels = pod.labels;
    stored.nodeName = pod.node;
    stored.phase = pod.phase;

    QByteArray &meta = stored.metadataJson;
    meta += "{\"name\":";
    str(meta, pod.name);
    meta += ",\"namespace\":";
    str(meta, pod.ns);
    meta += ",\"uid\":";
    str(meta, podUid);
    meta += ",\"resourceVersion\":\"" + QByteArray::number(resourceVersion) + "\",\"creationTimestamp\":";
    str(meta, created);
    if (!pod.labels.isEmpty()) {
        meta += ",\"labels\":";
        map(meta, pod.labels);
    }
    if (!pod.annotations.isEmpty()) {
        meta += ",\"annotations\":";
        map(meta, pod.annotations);
    }
    if (!pod.ownerKind.isEmpty()) {
        meta += ",\"generateName\":";
        str(meta, pod.ownerName + u'-');
        meta += pod.ownerKind == u"Job" ? ",\"ownerReferences\":[{\"apiVersion\":\"batch/v1\",\"kind\":"
                                        : ",\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":";
        str(meta, pod.ownerKind);
        meta += ",\"name\":";
        str(meta, pod.ownerName);
        meta += ",\"uid\":";
        str(meta, m_renderer.uid(pod.ownerKind, pod.ns, pod.ownerName));
        meta += ",\"controller\":true,\"blockOwnerDeletion\":true}]";
    }
    meta += '}';

    QByteArray &out = stored.json;
    out.reserve(4096 + meta.size());
    out += "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":" + meta + ",\"spec\":{\"containers\":[";
    for (qsizetype i = 0; i < pod.containers.size(); ++i) {
        if (i)
            out += ',';
        containerSpec(out, pod.containers.at(i));
    }
    out += pod.ownerKind == u"Job" ? "],\"restartPolicy\":\"Never\"" : "],\"restartPolicy\":\"Always\"";
    out += ",\"terminationGracePeriodSeconds\":30,\"dnsPolicy\":\"ClusterFirst\",\"serviceAccountName\":\"default\","
           "\"serviceAccount\":\"default\",\"securityContext\":{},\"schedulerName\":\"default-scheduler\","
           "\"enableServiceLinks\":true,\"preemptionPolicy\":\"PreemptLowerPriority\",\"priority\":0,"
           "\"tolerations\":[{\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\",\"effect\":"
           "\"NoExecute\",\"tolerationSeconds\":300},{\"key\":\"node.kubernetes.io/unreachable\",\"operator\":"
           "\"Exists\",\"effect\":\"NoExecute\",\"tolerationSeconds\":300}],\"volumes\":[{\"name\":\"kube-api-"
           "access\",\"projected\":{\"defaultMode\":420}}]";
    if (!pod.initContainers.isEmpty()) {
        out += ",\"initContainers\":[";
        for (qsizetype i = 0; i < pod.initContainers.size(); ++i) {
            if (i)
                out += ',';
            containerSpec(out, pod.initContainers.at(i));
        }
        out += ']';
    }
    if (!pod.node.isEmpty()) {
        out += ",\"nodeName\":";
        str(out, pod.node);
    }
    if (!pod.nodeSelector.isEmpty()) {
        out += ",\"nodeSelector\":";
        map(out, pod.nodeSelector);
    }
    if (!pod.overhead.isEmpty()) {
        out += ",\"overhead\":";
        map(out, pod.overhead);
    }
    QByteArray claimStatuses;
    if (!pod.resourceClaims.isEmpty()) {
        out += ",\"resourceClaims\":[";
        for (qsizetype i = 0; i < pod.resourceClaims.size(); ++i) {
            const PodClaimDesc &claim = pod.resourceClaims.at(i);
            out += i ? ",{\"name\":" : "{\"name\":";
            str(out, claim.name);
            out += claim.templateName.isEmpty() ? ",\"resourceClaimName\":" : ",\"resourceClaimTemplateName\":";
            str(out, claim.templateName.isEmpty() ? claim.claimName : claim.templateName);
            out += '}';
            if (!claim.templateName.isEmpty() && !claim.generatedName.isEmpty()) {
                claimStatuses += claimStatuses.isEmpty() ? "{\"name\":" : ",{\"name\":";
                str(claimStatuses, claim.name);
                claimStatuses += ",\"resourceClaimName\":";
                str(claimStatuses, claim.generatedName);
                claimStatuses += '}';
            }
        }
        out += ']';
    }

    const bool bound = !pod.node.isEmpty();
    const bool running = pod.phase == u"Running";
    const bool done = pod.phase == u"Succeeded" || pod.phase == u"Failed";
    out += "},\"status\":{\"phase\":";
    str(out, pod.phase);
    if (!bound) {
        // A pod the scheduler has not looked at yet has no conditions at all.
        if (!pod.pendingMessage.isEmpty()) {
            out += ",\"conditions\":[";
            condition(out, "PodScheduled", false, created, u"Unschedulable"_qs, pod.pendingMessage);
            out += ']';
        }
    } else {
        out += ",\"conditions\":[";
        const QString reason = done ? u"PodCompleted"_qs : QString();
        const QString notReady = running ? QString() : (done ? reason : u"ContainersNotReady"_qs);
        condition(out, "PodReadyToStartContainers", !done, started);
        out += ',';
        condition(out, "Initialized", true, started, reason);
        out += ',';
        condition(out, "Ready", running, started, notReady);
        out += ',';
        condition(out, "ContainersReady", running, started, notReady);
        out += ',';
        condition(out, "PodScheduled", true, created);
        out += ']';
    }
    out += ",\"qosClass\":\"Burstable\"";
    if (!claimStatuses.isEmpty())
        out += ",\"resourceClaimStatuses\":[" + claimStatuses + ']';

    QString podIP = u"<none>"_qs;
    QString status = pod.phase;
    int ready = 0;
    if (bound) {
        const QString hostIP = u"10.0.0.%1"_qs.arg(qHash(pod.node) % 250 + 2);
        const QString ip = pod.podIP.isEmpty()
            ? u"10.244.%1.%2"_qs.arg(qHash(pod.node) % 250).arg(qHash(pod.name) % 250 + 2)
            : pod.podIP;
        out += ",\"hostIP\":";
        str(out, hostIP);
        out += ",\"hostIPs\":[{\"ip\":";
        str(out, hostIP);
        out += "}]";
        if (!done || pod.phase == u"Succeeded") {
            podIP = ip;
            out += ",\"podIP\":";
            str(out, ip);
            out += ",\"podIPs\":[{\"ip\":";
            str(out, ip);
            out += "}]";
        }
        out += ",\"startTime\":";
        str(out, created);
        const QString finished = isoTime(now - 60);
        auto containerStatus = [&](const ContainerDesc &c, bool init) {
            const QByteArray containerId = "containerd://"
                + QCryptographicHash::hash((podUid + c.name).toUtf8(), QCryptographicHash::Sha256).toHex();
            const bool initDone = init && !c.sidecar;
            out += "{\"name\":";
            str(out, c.name);
            out += ",\"state\":{";
            if (running && !initDone) {
                out += "\"running\":{\"startedAt\":";
                str(out, started);
                out += '}';
            } else if (done || initDone) {
                out += "\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\",\"startedAt\":";
                str(out, started);
                out += ",\"finishedAt\":";
                str(out, initDone ? started : finished);
                out += ",\"containerID\":\"" + containerId + "\"}";
            } else {
                out += "\"waiting\":{\"reason\":\"ContainerCreating\"}";
                if (!init)
                    status = u"ContainerCreating"_qs;
            }
            const bool containerReady = running && !initDone ? true : initDone;
            out += "},\"lastState\":{},\"ready\":";
            out += containerReady ? "true" : "false";
            if (!init)
                ready += containerReady ? 1 : 0;
            out += ",\"restartCount\":" + QByteArray::number(init ? 0 : pod.restarts) + ",\"image\":";
            str(out, c.image);
            out += ",\"imageID\":";
            str(out,
                c.image.section(u':', 0, 0) + u"@sha256:"_qs
                    + QString::fromLatin1(
                        QCryptographicHash::hash(c.image.toUtf8(), QCryptographicHash::Sha256).toHex()));
            if (running || done)
                out += ",\"containerID\":\"" + containerId + '"';
            if (!init || c.sidecar)
                out += running ? ",\"started\":true" : ",\"started\":false";
            out += '}';
        };
        if (!pod.initContainers.isEmpty()) {
            out += ",\"initContainerStatuses\":[";
            for (qsizetype i = 0; i < pod.initContainers.size(); ++i) {
                if (i)
                    out += ',';
                containerStatus(pod.initContainers.at(i), true);
            }
            out += ']';
        }
        out += ",\"containerStatuses\":[";
        for (qsizetype i = 0; i < pod.containers.size(); ++i) {
            if (i)
                out += ',';
            containerStatus(pod.containers.at(i), false);
        }
        out += ']';
    }
    out += "}}";
    // Capacity beyond the size would stay allocated for the lifetime of the store.
    out.squeeze();

    // The table cells ObjectStore derives from the JSON of other objects.
    if (status == u"Succeeded")
        status = u"Completed"_qs;
    else if (status == u"Failed")
        status = u"Error"_qs;
    stored.cells = { u"%1/%2"_qs.arg(ready).arg(pod.containers.size()), status,
                     QString::number(bound ? pod.restarts * int(pod.containers.size()) : 0) };
    stored.wideCells = { podIP, pod.node.isEmpty() ? u"<none>"_qs : pod.node, u"<none>"_qs, u"<none>"_qs };
    return stored;
}

} // namespace Specula::Sim
