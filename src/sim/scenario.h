// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sim/metricsconfig.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Specula::Sim {

using StringMap = QMap<QString, QString>;

struct ContainerDesc
{
    QString name;
    QString image;
    StringMap requests;
    StringMap limits;
    QList<std::pair<QString, QString>> env;
    QList<int> ports;
    bool sidecar = false; // an init container with restartPolicy: Always
    QStringList claims; // resources.claims: names of the pod's resourceClaims this container uses
};

// A pod's spec.resourceClaims entry (DRA): a claim by name, or one made from a template, whose
// generated name the pod's status.resourceClaimStatuses reports.
struct PodClaimDesc
{
    QString name;
    QString claimName; // resourceClaimName
    QString templateName; // resourceClaimTemplateName
    QString generatedName; // with templateName: the claim made for this pod
};

// A pod in compact form; the renderer adds what every real pod carries (uid, conditions,
// containerStatuses, tolerations, volumes).
struct PodDesc
{
    QString ns;
    QString name;
    QString node; // empty: not bound
    QString phase = QStringLiteral("Running"); // Pending, Running, Succeeded, Failed
    QString ownerKind; // ReplicaSet, Job, DaemonSet, StatefulSet or empty
    QString ownerName;
    StringMap labels;
    StringMap annotations;
    StringMap nodeSelector;
    QList<ContainerDesc> initContainers;
    QList<ContainerDesc> containers;
    StringMap overhead;
    QList<PodClaimDesc> resourceClaims;
    QString pendingMessage; // set: PodScheduled=False/Unschedulable with this message
    QString podIP;
    int restarts = 0;
    qint64 ageSeconds = 3600;
    bool churn = false; // may finish, be deleted or be replaced by the scenario's dynamics
};

struct NodeDesc
{
    QString name;
    StringMap labels;
    StringMap annotations;
    StringMap capacity;
    StringMap allocatable; // missing keys default to capacity
    QList<QJsonObject> taints;
    bool ready = true;
    bool unschedulable = false;
    QString kubeletVersion = QStringLiteral("v1.30.4");
    QString internalIP;
    QString osImage = QStringLiteral("Ubuntu 22.04.4 LTS");
    QString kernelVersion = QStringLiteral("5.15.0-119-generic");
    QString containerRuntime = QStringLiteral("containerd://1.7.20");
    qint64 ageSeconds = 40 * 86400;
};

// How the cluster changes on every tick (src/sim/README.md).
struct Dynamics
{
    int createPerTick = 1; // new pods per tick, alternately schedulable and unschedulable
    int finishPerTick = 1; // running churn pods that succeed per tick
    int maxFinished = 20; // finished churn pods kept before the oldest is deleted
};

struct Scenario
{
    QString name;
    quint64 seed = 1;
    int tickMs = 2000; // 0: the cluster stands still
    QString token; // bearer token accepted next to client certificates
    QString sriovGroup = QStringLiteral("sriovnetwork.openshift.io");
    QString serverVersion = QStringLiteral("v1.30.4");
    int continueExpirySeconds = 300;
    int watchHistory = 20000; // events kept for watches that resume from an older resourceVersion
    int bookmarkSeconds = 10;
    Dynamics dynamics;
    QList<NodeDesc> nodes;
    QList<PodDesc> pods;
    // Objects given in full, by plural: namespaces, services, events, configmaps, sriovnetworknodestates,
    // sriovnetworknodepolicies, network-attachment-definitions, resourceslices, resourceclaims.
    QHash<QString, QList<QJsonObject>> objects;
    MetricsConfig metrics; // YAML `metrics:`: exporter label dialects, Kepler generation, Prometheus

    bool hasDra() const
    {
        return !objects.value(QStringLiteral("resourceslices")).isEmpty()
            || !objects.value(QStringLiteral("resourceclaims")).isEmpty();
    }
};

// The names after "builtin:" that loadScenario knows.
QStringList builtinScenarios();
// "builtin:demo", "builtin:quirks", "builtin:large" or the path of a YAML file. Errors name file:line and field.
Core::Result<Scenario> loadScenario(const QString &spec);
// The same from YAML text; where names the source in errors.
Core::Result<Scenario> parseScenario(const QByteArray &yaml, const QString &where);

} // namespace Specula::Sim
