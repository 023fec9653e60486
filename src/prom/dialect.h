// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Specula::Prom {

// What the exporters behind one Prometheus speak: which families exist and which label names
// they use. The same information in every cluster is spelt differently depending on exporter
// versions and scrape configs (../shared/fixtures/NOTES.md §1, §5, §6), so the catalogue asks this
// instead of hard-coding one spelling.
//
// A default-constructed Dialect has the modern dcgm-exporter label names (Hostname = node,
// pod/namespace/container, UUID) but claims no exporter at all; standard() claims all of them.
struct Dialect
{
    bool dcgm = false;
    // "Hostname" | "hostname" | "node" | "" (none usable: join through UUID/PCI/instance).
    QString dcgmNodeLabel = QStringLiteral("Hostname");
    // Hostname values are exporter pod names (dcgm-exporter < 4.0 without NODE_NAME), not nodes.
    bool hostnameIsPod = false;
    // "pod","namespace","container" | "exported_pod",… | "pod_name","pod_namespace","container_name"
    QString podLabel = QStringLiteral("pod");
    QString namespaceLabel = QStringLiteral("namespace");
    QString containerLabel = QStringLiteral("container");
    QString uuidLabel = QStringLiteral("UUID"); // or "uuid"
    // Family names lower-cased downstream (dcgm_fi_dev_gpu_util, dcgm-exporter#272).
    bool dcgmLowerCaseNames = false;

    enum class Kepler {
        None,
        Legacy, // ≤ 0.9: kepler_container_joules_total and friends, counters only
        Zoned, // 0.10 – 0.11.3: kepler_{node,pod,container}_cpu_* with `zone`, no GPU
        ZonedGpu, // 0.11.4+: plus kepler_{node,pod,container}_gpu_*
    };
    Kepler kepler = Kepler::None;

    bool cadvisor = false;
    bool kubeStateMetrics = false;
    bool sriovExporter = false;
    bool sriovPodDevice = false;
    // sriov_kubepoddevice's own pod/namespace labels become exported_pod/exported_namespace when
    // Prometheus scrapes the exporter without honor_labels, like dcgm's.
    QString sriovPodLabel = QStringLiteral("pod");
    QString sriovNamespaceLabel = QStringLiteral("namespace");

    QStringList families; // every family name seen (empty: trust the flags alone)

    // From the family names (label/__name__/values), the label names per family
    // (labels?match[]=), the values of dcgm's Hostname/hostname label and the cluster's node
    // names (to tell whether Hostname names nodes or exporter pods).
    static Dialect detect(const QStringList &families, const QHash<QString, QStringList> &labelNamesByFamily,
                          const QStringList &hostnameValues, const QStringList &nodeNames);

    // Every exporter present with today's label names and Kepler 0.11.4+.
    static Dialect standard();

    // One line for the UI and logs: "dcgm-exporter (Hostname, pod, UUID), Kepler 0.11.4+, cAdvisor, …"
    QString describe() const;

    // Whether dcgm series name their node (a node label that is not an exporter pod name).
    bool dcgmNodeUsable() const;
    // Whether the family was seen, or no family list is known.
    bool hasFamily(const QString &family) const;
    // The dcgm family name as this Prometheus spells it ("DCGM_FI_DEV_GPU_UTIL" or lower case).
    QString dcgmFamily(const QString &upperCaseName) const;

    // The first DNS label of each node name, so that a node's FQDN and short name compare equal.
    static QSet<QString> hostKeys(const QStringList &nodeNames);
    // Whether a Hostname value is the name of a dcgm-exporter pod rather than of a node.
    static bool looksLikeExporterPod(const QString &value, const QSet<QString> &nodeHostKeys);

    friend bool operator==(const Dialect &, const Dialect &) = default;
};

} // namespace Specula::Prom

Q_DECLARE_METATYPE(Specula::Prom::Dialect)
