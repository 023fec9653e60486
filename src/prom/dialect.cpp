// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/dialect.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace Specula::Prom {

namespace {

bool isDcgmFamily(const QString &family)
{
    return family.startsWith(QLatin1String("DCGM_FI_")) || family.startsWith(QLatin1String("dcgm_fi_"));
}

// The first DNS label, so that a node FQDN and its short name compare equal.
QString shortName(const QString &host)
{
    return host.section(QLatin1Char('.'), 0, 0);
}

} // namespace

QSet<QString> Dialect::hostKeys(const QStringList &nodeNames)
{
    QSet<QString> keys;
    keys.reserve(nodeNames.size());
    for (const QString &node : nodeNames)
        keys.insert(shortName(node));
    return keys;
}

bool Dialect::looksLikeExporterPod(const QString &value, const QSet<QString> &nodeHostKeys)
{
    if (value.isEmpty() || nodeHostKeys.contains(shortName(value)))
        return false;
    // DaemonSet pods are "<daemonset>-<5 characters from Kubernetes' random alphabet>", which has
    // no vowels and no 0, 1, 3; dcgm-exporter's DaemonSets have "dcgm" in their name. Without
    // node names this is the only evidence; with them, a value that names no node is enough.
    static const QRegularExpression daemonSetPod(QStringLiteral("^.*dcgm.*-[bcdfghjklmnpqrstvwxz2456789]{5}$"));
    return !nodeHostKeys.isEmpty() || daemonSetPod.match(value).hasMatch();
}

Dialect Dialect::detect(const QStringList &families, const QHash<QString, QStringList> &labelNamesByFamily,
                        const QStringList &hostnameValues, const QStringList &nodeNames)
{
    Dialect dialect;
    dialect.families = families;
    dialect.families.sort();
    dialect.families.removeDuplicates();
    const QSet<QString> present(families.cbegin(), families.cend());

    // dcgm: the label names of every DCGM_FI_* family together. NVLink/NVSwitch families use
    // other names (gpu_uuid, model_name) but never the ones looked for here.
    QSet<QString> dcgmLabels;
    bool upper = false;
    for (const QString &family : families) {
        if (!isDcgmFamily(family))
            continue;
        dialect.dcgm = true;
        upper = upper || family.startsWith(QLatin1String("DCGM_FI_"));
        for (const QString &label : labelNamesByFamily.value(family))
            dcgmLabels.insert(label);
    }
    dialect.dcgmLowerCaseNames = dialect.dcgm && !upper;
    if (dialect.dcgm && !dcgmLabels.isEmpty()) {
        const QSet<QString> nodeHostKeys = hostKeys(nodeNames);
        const bool podHostname = std::any_of(hostnameValues.cbegin(), hostnameValues.cend(), [&](const QString &value) {
            return looksLikeExporterPod(value, nodeHostKeys);
        });
        // A relabelled `node` beats a Hostname that names the exporter pods.
        if (dcgmLabels.contains(QStringLiteral("Hostname")))
            dialect.dcgmNodeLabel = QStringLiteral("Hostname");
        else if (dcgmLabels.contains(QStringLiteral("hostname")))
            dialect.dcgmNodeLabel = QStringLiteral("hostname");
        else
            dialect.dcgmNodeLabel.clear();
        dialect.hostnameIsPod = !dialect.dcgmNodeLabel.isEmpty() && podHostname;
        if ((dialect.dcgmNodeLabel.isEmpty() || dialect.hostnameIsPod) && dcgmLabels.contains(QStringLiteral("node")))
            dialect.dcgmNodeLabel = QStringLiteral("node");
        if (dialect.dcgmNodeLabel == u"node")
            dialect.hostnameIsPod = false;

        // exported_* first: then `pod` etc. are the exporter's own pod (added by the scrape), and
        // the same goes for pod_name next to a scrape-added `pod`.
        if (dcgmLabels.contains(QStringLiteral("exported_pod"))) {
            dialect.podLabel = QStringLiteral("exported_pod");
            dialect.namespaceLabel = QStringLiteral("exported_namespace");
            dialect.containerLabel = QStringLiteral("exported_container");
        } else if (dcgmLabels.contains(QStringLiteral("pod_name"))) {
            dialect.podLabel = QStringLiteral("pod_name");
            dialect.namespaceLabel = QStringLiteral("pod_namespace");
            dialect.containerLabel = QStringLiteral("container_name");
        }
        if (!dcgmLabels.contains(QStringLiteral("UUID")) && dcgmLabels.contains(QStringLiteral("uuid")))
            dialect.uuidLabel = QStringLiteral("uuid");
    }

    // Kepler: the newest generation whose families are present wins (an upgrade leaves old
    // series in the TSDB for a while).
    auto anyOf = [&present](std::initializer_list<const char *> names) {
        for (const char *name : names) {
            if (present.contains(QLatin1String(name)))
                return true;
        }
        return false;
    };
    if (anyOf({ "kepler_node_gpu_watts", "kepler_pod_gpu_watts", "kepler_node_gpu_joules_total" }))
        dialect.kepler = Kepler::ZonedGpu;
    else if (anyOf({ "kepler_node_cpu_watts", "kepler_pod_cpu_watts", "kepler_node_cpu_joules_total",
                     "kepler_pod_cpu_joules_total", "kepler_build_info" }))
        dialect.kepler = Kepler::Zoned;
    else {
        // Anything else of Kepler's is the old generation, whose families vary by version
        // (…_other_host_components_joules_total, no build info before 0.5).
        for (const QString &family : families) {
            if (family.startsWith(QLatin1String("kepler_")))
                dialect.kepler = Kepler::Legacy;
        }
    }

    dialect.cadvisor = anyOf({ "container_cpu_usage_seconds_total", "container_memory_working_set_bytes",
                               "container_network_receive_bytes_total" });
    dialect.kubeStateMetrics = anyOf({ "kube_pod_info", "kube_pod_container_resource_requests" });
    for (const QString &family : families)
        dialect.sriovExporter = dialect.sriovExporter || family.startsWith(QLatin1String("sriov_vf_"));
    dialect.sriovPodDevice = present.contains(QStringLiteral("sriov_kubepoddevice"));
    if (dialect.sriovPodDevice
        && labelNamesByFamily.value(QStringLiteral("sriov_kubepoddevice")).contains(QStringLiteral("exported_pod"))) {
        dialect.sriovPodLabel = QStringLiteral("exported_pod");
        dialect.sriovNamespaceLabel = QStringLiteral("exported_namespace");
    }
    return dialect;
}

Dialect Dialect::standard()
{
    Dialect dialect;
    dialect.dcgm = true;
    dialect.kepler = Kepler::ZonedGpu;
    dialect.cadvisor = true;
    dialect.kubeStateMetrics = true;
    dialect.sriovExporter = true;
    dialect.sriovPodDevice = true;
    return dialect;
}

bool Dialect::dcgmNodeUsable() const
{
    if (dcgmNodeLabel.isEmpty())
        return false;
    return !(hostnameIsPod && dcgmNodeLabel.compare(QLatin1String("hostname"), Qt::CaseInsensitive) == 0);
}

bool Dialect::hasFamily(const QString &family) const
{
    return families.isEmpty() || families.contains(family);
}

QString Dialect::dcgmFamily(const QString &upperCaseName) const
{
    return dcgmLowerCaseNames ? upperCaseName.toLower() : upperCaseName;
}

QString Dialect::describe() const
{
    QStringList parts;
    if (dcgm) {
        QString node = dcgmNodeLabel.isEmpty() ? QStringLiteral("no node label") : dcgmNodeLabel;
        if (hostnameIsPod && !dcgmNodeUsable())
            node += QStringLiteral(" = exporter pod");
        QString text = QStringLiteral("dcgm-exporter (%1, %2, %3)").arg(node, podLabel, uuidLabel);
        if (dcgmLowerCaseNames)
            text += QStringLiteral(" lower-case names");
        parts << text;
    }
    switch (kepler) {
    case Kepler::None:
        break;
    case Kepler::Legacy:
        parts << QStringLiteral("Kepler ≤ 0.9");
        break;
    case Kepler::Zoned:
        parts << QStringLiteral("Kepler 0.10–0.11.3");
        break;
    case Kepler::ZonedGpu:
        parts << QStringLiteral("Kepler 0.11.4+");
        break;
    }
    if (cadvisor)
        parts << QStringLiteral("cAdvisor");
    if (kubeStateMetrics)
        parts << QStringLiteral("kube-state-metrics");
    if (sriovExporter) {
        parts << (sriovPodDevice ? QStringLiteral("SR-IOV exporter (%1)").arg(sriovPodLabel)
                                 : QStringLiteral("SR-IOV exporter (no pod devices)"));
    }
    return parts.isEmpty() ? QStringLiteral("no known exporter") : parts.join(QStringLiteral(", "));
}

} // namespace Specula::Prom
