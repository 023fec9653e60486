// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/snapshotjson.h"

#include <QJsonArray>

namespace Specula::Cli {
namespace {

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject nodeToJson(const Model::NodeSummary &node)
{
    QJsonArray resources;
    for (const auto &r : node.resources) {
        resources.append(QJsonObject {
            { QStringLiteral("name"), r.name },
            { QStringLiteral("kind"), Model::resourceClassName(r.kind) },
            { QStringLiteral("capacity"), r.capacity },
            { QStringLiteral("allocatable"), r.allocatable },
            { QStringLiteral("requested"), r.requested },
        });
    }
    return QJsonObject {
        { QStringLiteral("name"), node.name },
        { QStringLiteral("ready"), node.ready },
        { QStringLiteral("unschedulable"), node.unschedulable },
        { QStringLiteral("resources"), resources },
        // The GPU and SR-IOV blocks are joined from device sources that are not read yet.
        { QStringLiteral("gpu"), QJsonValue::Null },
        { QStringLiteral("sriov"), QJsonValue::Null },
        { QStringLiteral("pods"), QJsonArray::fromStringList(node.pods) },
    };
}

QJsonObject podToJson(const Model::PodSummary &pod)
{
    QJsonObject requests;
    for (auto it = pod.requests.cbegin(); it != pod.requests.cend(); ++it)
        requests.insert(it.key(), it.value());
    QJsonValue pending = QJsonValue::Null;
    if (pod.pending) {
        pending = QJsonObject { { QStringLiteral("reason"), pod.pending->reason },
                                { QStringLiteral("message"), pod.pending->message } };
    }
    return QJsonObject {
        { QStringLiteral("namespace"), pod.namespaceName }, { QStringLiteral("name"), pod.name },
        { QStringLiteral("node"), stringOrNull(pod.node) }, { QStringLiteral("phase"), pod.phase },
        { QStringLiteral("requests"), requests },           { QStringLiteral("gpus"), QJsonValue::Null },
        { QStringLiteral("vfs"), QJsonValue::Null },        { QStringLiteral("pending"), pending },
    };
}

} // namespace

QJsonObject snapshotToJson(const Model::ClusterSnapshot &snapshot, const PrometheusState &prometheus)
{
    QJsonArray nodes;
    for (const auto &node : snapshot.nodes)
        nodes.append(nodeToJson(node));
    QJsonArray pods;
    for (const auto &pod : snapshot.pods)
        pods.append(podToJson(pod));
    return QJsonObject {
        { QStringLiteral("schemaVersion"), 1 },
        { QStringLiteral("context"), snapshot.context },
        { QStringLiteral("server"), snapshot.server },
        { QStringLiteral("collectedAt"), snapshot.collectedAt.toString(Qt::ISODate) },
        { QStringLiteral("prometheus"),
          QJsonObject { { QStringLiteral("status"), prometheus.status },
                        { QStringLiteral("url"), stringOrNull(prometheus.url) },
                        { QStringLiteral("error"), stringOrNull(prometheus.error) } } },
        { QStringLiteral("nodes"), nodes },
        { QStringLiteral("pods"), pods },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(snapshot.warnings) },
    };
}

} // namespace Specula::Cli
