// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/objectrenderer.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QUuid>

namespace Specula::Sim {

namespace {

QString hexOf(const QString &text, int length)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(length));
}

} // namespace

ObjectRenderer::ObjectRenderer(quint64 seed, QDateTime now)
    : m_seed(seed)
    , m_now(std::move(now))
{ }

QJsonObject ObjectRenderer::jsonObject(const StringMap &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QString ObjectRenderer::uid(const QString &kind, const QString &ns, const QString &name) const
{
    const QByteArray hash = QCryptographicHash::hash(
        (QString::number(m_seed) + u'/' + kind + u'/' + ns + u'/' + name).toUtf8(), QCryptographicHash::Md5);
    QUuid uuid = QUuid::fromRfc4122(hash);
    // Mark it as a version 4 UUID, like the apiserver's random ones.
    QByteArray bytes = uuid.toRfc4122();
    bytes[6] = char((bytes[6] & 0x0f) | 0x40);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QString ObjectRenderer::timestamp(qint64 ageSeconds) const
{
    return m_now.addSecs(-ageSeconds).toString(Qt::ISODate);
}

QJsonValue ObjectRenderer::resolveTimes(const QJsonValue &value) const
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = resolveTimes(array.at(i));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    if (object.size() == 1 && object.contains(u"!ago"))
        return timestamp(object.value(u"!ago").toInteger());
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = resolveTimes(it.value());
    return object;
}

QJsonObject ObjectRenderer::complete(QJsonObject object, const QString &apiVersion, const QString &kind) const
{
    object = resolveTimes(object).toObject();
    if (!object.contains(u"apiVersion"))
        object.insert(u"apiVersion"_qs, apiVersion);
    if (!object.contains(u"kind"))
        object.insert(u"kind"_qs, kind);
    QJsonObject metadata = object.value(u"metadata").toObject();
    const QString ns = metadata.value(u"namespace").toString();
    const QString name = metadata.value(u"name").toString();
    if (!metadata.contains(u"uid"))
        metadata.insert(u"uid"_qs, uid(kind, ns, name));
    if (!metadata.contains(u"creationTimestamp"))
        metadata.insert(u"creationTimestamp"_qs, timestamp(86400));
    if (metadata.contains(u"ownerReferences")) {
        QJsonArray owners = metadata.value(u"ownerReferences").toArray();
        for (qsizetype i = 0; i < owners.size(); ++i) {
            QJsonObject owner = owners.at(i).toObject();
            if (!owner.contains(u"uid"))
                owner.insert(u"uid"_qs, uid(owner.value(u"kind").toString(), ns, owner.value(u"name").toString()));
            owners[i] = owner;
        }
        metadata.insert(u"ownerReferences"_qs, owners);
    }
    object.insert(u"metadata"_qs, metadata);

    if (kind == u"Event" && object.contains(u"involvedObject")) {
        QJsonObject involved = object.value(u"involvedObject").toObject();
        if (!involved.contains(u"namespace") && !ns.isEmpty())
            involved.insert(u"namespace"_qs, ns);
        if (!involved.contains(u"uid"))
            involved.insert(u"uid"_qs,
                            uid(involved.value(u"kind").toString(), involved.value(u"namespace").toString(),
                                involved.value(u"name").toString()));
        object.insert(u"involvedObject"_qs, involved);
    }
    if (kind == u"ResourceClaim") {
        QJsonObject status = object.value(u"status").toObject();
        QJsonArray consumers = status.value(u"reservedFor").toArray();
        for (qsizetype i = 0; i < consumers.size(); ++i) {
            QJsonObject consumer = consumers.at(i).toObject();
            if (!consumer.contains(u"uid") && consumer.value(u"resource").toString() == u"pods")
                consumer.insert(u"uid"_qs, uid(u"Pod"_qs, ns, consumer.value(u"name").toString()));
            consumers[i] = consumer;
        }
        if (!consumers.isEmpty()) {
            status.insert(u"reservedFor"_qs, consumers);
            object.insert(u"status"_qs, status);
        }
    }
    return object;
}

QJsonObject ObjectRenderer::node(const NodeDesc &node) const
{
    const QString created = timestamp(node.ageSeconds);
    StringMap labels = node.labels;
    labels.insert(u"kubernetes.io/hostname"_qs, node.name);
    labels.insert(u"kubernetes.io/os"_qs, u"linux"_qs);
    labels.insert(u"kubernetes.io/arch"_qs, u"amd64"_qs);
    labels.insert(u"beta.kubernetes.io/os"_qs, u"linux"_qs);
    labels.insert(u"beta.kubernetes.io/arch"_qs, u"amd64"_qs);
    StringMap annotations = node.annotations;
    annotations.insert(u"node.alpha.kubernetes.io/ttl"_qs, u"0"_qs);
    annotations.insert(u"volumes.kubernetes.io/controller-managed-attach-detach"_qs, u"true"_qs);
    QJsonObject metadata { { u"name"_qs, node.name },
                           { u"uid"_qs, uid(u"Node"_qs, {}, node.name) },
                           { u"creationTimestamp"_qs, created },
                           { u"labels"_qs, ObjectRenderer::jsonObject(labels) },
                           { u"annotations"_qs, ObjectRenderer::jsonObject(annotations) } };
    QJsonObject spec;
    spec.insert(u"podCIDR"_qs, u"10.244.0.0/24"_qs);
    QJsonArray taints;
    for (const QJsonObject &taint : node.taints)
        taints.append(taint);
    if (!node.ready)
        taints.append(QJsonObject { { u"key"_qs, u"node.kubernetes.io/unreachable"_qs },
                                    { u"effect"_qs, u"NoSchedule"_qs },
                                    { u"timeAdded"_qs, timestamp(600) } });
    if (node.unschedulable) {
        spec.insert(u"unschedulable"_qs, true);
        taints.append(QJsonObject { { u"key"_qs, u"node.kubernetes.io/unschedulable"_qs },
                                    { u"effect"_qs, u"NoSchedule"_qs },
                                    { u"timeAdded"_qs, timestamp(3600) } });
    }
    if (!taints.isEmpty())
        spec.insert(u"taints"_qs, taints);

    StringMap capacity = node.capacity;
    if (!capacity.contains(u"cpu"_qs))
        capacity.insert(u"cpu"_qs, u"64"_qs);
    if (!capacity.contains(u"memory"_qs))
        capacity.insert(u"memory"_qs, u"527946124Ki"_qs);
    capacity.insert(u"pods"_qs, capacity.value(u"pods"_qs, u"110"_qs));
    capacity.insert(u"ephemeral-storage"_qs, u"1843269768Ki"_qs);
    capacity.insert(u"hugepages-1Gi"_qs, capacity.value(u"hugepages-1Gi"_qs, u"0"_qs));
    capacity.insert(u"hugepages-2Mi"_qs, capacity.value(u"hugepages-2Mi"_qs, u"0"_qs));
    StringMap allocatable = capacity;
    allocatable.insert(u"ephemeral-storage"_qs, u"1698742467553"_qs);
    for (auto it = node.allocatable.begin(); it != node.allocatable.end(); ++it)
        allocatable.insert(it.key(), it.value());

    const QString heartbeat = timestamp(node.ready ? 20 : 900);
    auto nodeCondition
        = [&](const QString &type, const QString &status, const QString &reason, const QString &message) {
              return QJsonObject { { u"type"_qs, type },
                                   { u"status"_qs, status },
                                   { u"lastHeartbeatTime"_qs, heartbeat },
                                   { u"lastTransitionTime"_qs, created },
                                   { u"reason"_qs, reason },
                                   { u"message"_qs, message } };
          };
    const QString pressure = node.ready ? u"False"_qs : u"Unknown"_qs;
    QJsonArray conditions {
        nodeCondition(
            u"MemoryPressure"_qs, pressure, node.ready ? u"KubeletHasSufficientMemory"_qs : u"NodeStatusUnknown"_qs,
            node.ready ? u"kubelet has sufficient memory available"_qs : u"Kubelet stopped posting node status."_qs),
        nodeCondition(u"DiskPressure"_qs, pressure,
                      node.ready ? u"KubeletHasNoDiskPressure"_qs : u"NodeStatusUnknown"_qs,
                      node.ready ? u"kubelet has no disk pressure"_qs : u"Kubelet stopped posting node status."_qs),
        nodeCondition(u"PIDPressure"_qs, pressure, node.ready ? u"KubeletHasSufficientPID"_qs : u"NodeStatusUnknown"_qs,
                      node.ready ? u"kubelet has sufficient PID available"_qs
                                 : u"Kubelet stopped posting node status."_qs),
        nodeCondition(u"Ready"_qs, node.ready ? u"True"_qs : u"Unknown"_qs,
                      node.ready ? u"KubeletReady"_qs : u"NodeStatusUnknown"_qs,
                      node.ready ? u"kubelet is posting ready status"_qs : u"Kubelet stopped posting node status."_qs)
    };
    const QString ip = node.internalIP.isEmpty() ? u"10.0.0.%1"_qs.arg(qHash(node.name) % 250 + 2) : node.internalIP;
    QJsonObject status {
        { u"capacity"_qs, ObjectRenderer::jsonObject(capacity) },
        { u"allocatable"_qs, ObjectRenderer::jsonObject(allocatable) },
        { u"conditions"_qs, conditions },
        { u"addresses"_qs,
          QJsonArray { QJsonObject { { u"type"_qs, u"InternalIP"_qs }, { u"address"_qs, ip } },
                       QJsonObject { { u"type"_qs, u"Hostname"_qs }, { u"address"_qs, node.name } } } },
        { u"daemonEndpoints"_qs, QJsonObject { { u"kubeletEndpoint"_qs, QJsonObject { { u"Port"_qs, 10250 } } } } },
        { u"nodeInfo"_qs,
          QJsonObject { { u"machineID"_qs, hexOf(node.name + u"machine", 32) },
                        { u"systemUUID"_qs, uid(u"system"_qs, {}, node.name) },
                        { u"bootID"_qs, uid(u"boot"_qs, {}, node.name) },
                        { u"kernelVersion"_qs, node.kernelVersion },
                        { u"osImage"_qs, node.osImage },
                        { u"containerRuntimeVersion"_qs, node.containerRuntime },
                        { u"kubeletVersion"_qs, node.kubeletVersion },
                        { u"kubeProxyVersion"_qs, node.kubeletVersion },
                        { u"operatingSystem"_qs, u"linux"_qs },
                        { u"architecture"_qs, u"amd64"_qs } } }
    };
    return QJsonObject { { u"kind"_qs, u"Node"_qs },
                         { u"apiVersion"_qs, u"v1"_qs },
                         { u"metadata"_qs, metadata },
                         { u"spec"_qs, spec },
                         { u"status"_qs, status } };
}

QString ObjectRenderer::failedSchedulingEventName(const PodDesc &pod)
{
    // The recorder names events <object>.<hex nanoseconds>; a hash keeps it stable per pod.
    return pod.name + u'.' + hexOf(pod.ns + u'/' + pod.name, 16);
}

QJsonObject ObjectRenderer::failedSchedulingEvent(const PodDesc &pod) const
{
    const QString name = failedSchedulingEventName(pod);
    // The scheduler retries with a backoff that grows to five minutes; the event counts the attempts.
    const qint64 age = qMax<qint64>(0, pod.ageSeconds);
    const int count = int(qMin<qint64>(1 + age / 300, 100000));
    const QString first = timestamp(age);
    const QString last = timestamp(qMin<qint64>(age, age % 300));
    return QJsonObject { { u"kind"_qs, u"Event"_qs },
                         { u"apiVersion"_qs, u"v1"_qs },
                         { u"metadata"_qs,
                           QJsonObject { { u"name"_qs, name },
                                         { u"namespace"_qs, pod.ns },
                                         { u"uid"_qs, uid(u"Event"_qs, pod.ns, name) },
                                         { u"creationTimestamp"_qs, first } } },
                         { u"involvedObject"_qs,
                           QJsonObject { { u"kind"_qs, u"Pod"_qs },
                                         { u"namespace"_qs, pod.ns },
                                         { u"name"_qs, pod.name },
                                         { u"uid"_qs, uid(u"Pod"_qs, pod.ns, pod.name) },
                                         { u"apiVersion"_qs, u"v1"_qs } } },
                         { u"reason"_qs, u"FailedScheduling"_qs },
                         { u"message"_qs, pod.pendingMessage },
                         { u"source"_qs, QJsonObject { { u"component"_qs, u"default-scheduler"_qs } } },
                         { u"firstTimestamp"_qs, first },
                         { u"lastTimestamp"_qs, last },
                         { u"count"_qs, count },
                         { u"type"_qs, u"Warning"_qs },
                         { u"eventTime"_qs, QJsonValue::Null },
                         { u"reportingComponent"_qs, u"default-scheduler"_qs },
                         { u"reportingInstance"_qs, u""_qs } };
}

} // namespace Specula::Sim
