// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/objectstore.h"

#include <QDateTime>
#include <QJsonDocument>

namespace Specula::Sim {

namespace {

QString nodeStatus(const QJsonObject &object)
{
    QString status = u"Unknown"_qs;
    for (const QJsonValue &c : object.value(u"status").toObject().value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == u"Ready")
            status = c.toObject().value(u"status").toString() == u"True" ? u"Ready"_qs : u"NotReady"_qs;
    }
    if (object.value(u"spec").toObject().value(u"unschedulable").toBool())
        status += u",SchedulingDisabled"_qs;
    return status;
}

QString nodeRoles(const QJsonObject &labels)
{
    QStringList roles;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key().startsWith(u"node-role.kubernetes.io/"))
            roles.append(it.key().mid(24));
    }
    return roles.isEmpty() ? u"<none>"_qs : roles.join(u',');
}

// What kubectl's pod printer shows in STATUS.
QString podStatus(const QJsonObject &object)
{
    const QJsonObject status = object.value(u"status").toObject();
    QString reason = status.value(u"phase").toString();
    if (object.value(u"metadata").toObject().contains(u"deletionTimestamp"))
        return u"Terminating"_qs;
    for (const QJsonValue &c : status.value(u"containerStatuses").toArray()) {
        const QJsonObject state = c.toObject().value(u"state").toObject();
        if (state.contains(u"waiting"))
            reason = state.value(u"waiting").toObject().value(u"reason").toString();
        else if (state.contains(u"terminated") && reason != u"Succeeded" && reason != u"Failed")
            reason = state.value(u"terminated").toObject().value(u"reason").toString();
    }
    if (reason == u"Succeeded")
        return u"Completed"_qs;
    if (reason == u"Failed")
        return u"Error"_qs;
    return reason;
}

// Events have no NAME or AGE column; their cells are the apiserver's, with the two times kept as
// timestamps that TableFormat turns into ages when the table is served.
void eventTable(const QJsonObject &object, StoredObject &stored)
{
    const QJsonObject involved = object.value(u"involvedObject").toObject();
    const QJsonObject source = object.value(u"source").toObject();
    QString last = object.value(u"lastTimestamp").toString();
    if (last.isEmpty())
        last = object.value(u"eventTime").toString();
    QString first = object.value(u"firstTimestamp").toString();
    if (first.isEmpty())
        first = last;
    QString from = source.value(u"component").toString();
    if (from.isEmpty())
        from = object.value(u"reportingComponent").toString();
    if (!source.value(u"host").toString().isEmpty())
        from += u", "_qs + source.value(u"host").toString();
    stored.cells = { last,
                     object.value(u"type").toString(),
                     object.value(u"reason").toString(),
                     QString(involved.value(u"kind").toString().toLower() + u'/' + involved.value(u"name").toString()),
                     involved.value(u"fieldPath").toString(),
                     from,
                     object.value(u"message").toString().trimmed(),
                     first,
                     QString::number(qMax(1, object.value(u"count").toInt())),
                     stored.name };
    stored.fields = {
        { u"reason"_qs, object.value(u"reason").toString() },
        { u"type"_qs, object.value(u"type").toString() },
        { u"source"_qs, source.value(u"component").toString() },
        { u"reportingComponent"_qs, object.value(u"reportingComponent").toString() },
        { u"involvedObject.kind"_qs, involved.value(u"kind").toString() },
        { u"involvedObject.name"_qs, involved.value(u"name").toString() },
        { u"involvedObject.namespace"_qs, involved.value(u"namespace").toString() },
        { u"involvedObject.uid"_qs, involved.value(u"uid").toString() },
        { u"involvedObject.apiVersion"_qs, involved.value(u"apiVersion").toString() },
        { u"involvedObject.resourceVersion"_qs, involved.value(u"resourceVersion").toString() },
        { u"involvedObject.fieldPath"_qs, involved.value(u"fieldPath").toString() },
    };
}

void fillTable(const QString &plural, const QJsonObject &object, StoredObject &stored)
{
    if (plural == u"nodes") {
        const QJsonObject status = object.value(u"status").toObject();
        const QJsonObject info = status.value(u"nodeInfo").toObject();
        QString ip = u"<none>"_qs;
        for (const QJsonValue &a : status.value(u"addresses").toArray()) {
            if (a.toObject().value(u"type").toString() == u"InternalIP")
                ip = a.toObject().value(u"address").toString();
        }
        stored.cells
            = { nodeStatus(object), nodeRoles(object.value(u"metadata").toObject().value(u"labels").toObject()) };
        stored.wideCells = { info.value(u"kubeletVersion").toString(),
                             ip,
                             u"<none>"_qs,
                             info.value(u"osImage").toString(),
                             info.value(u"kernelVersion").toString(),
                             info.value(u"containerRuntimeVersion").toString() };
    } else if (plural == u"pods") {
        const QJsonObject status = object.value(u"status").toObject();
        const QJsonArray statuses = status.value(u"containerStatuses").toArray();
        int ready = 0;
        int restarts = 0;
        for (const QJsonValue &s : statuses) {
            ready += s.toObject().value(u"ready").toBool() ? 1 : 0;
            restarts += s.toObject().value(u"restartCount").toInt();
        }
        const int total = int(object.value(u"spec").toObject().value(u"containers").toArray().size());
        stored.cells = { u"%1/%2"_qs.arg(ready).arg(total), podStatus(object), QString::number(restarts) };
        stored.wideCells = { status.value(u"podIP").toString(u"<none>"_qs),
                             stored.nodeName.isEmpty() ? u"<none>"_qs : stored.nodeName, u"<none>"_qs, u"<none>"_qs };
    } else if (plural == u"events") {
        eventTable(object, stored);
    } else if (plural == u"configmaps") {
        stored.cells = { int(object.value(u"data").toObject().size() + object.value(u"binaryData").toObject().size()) };
    } else if (plural == u"resourceslices") {
        const QJsonObject spec = object.value(u"spec").toObject();
        stored.cells = { spec.value(u"nodeName").toString(), spec.value(u"driver").toString(),
                         spec.value(u"pool").toObject().value(u"name").toString() };
        stored.fields = { { u"spec.nodeName"_qs, spec.value(u"nodeName").toString() },
                          { u"spec.driver"_qs, spec.value(u"driver").toString() } };
    } else if (plural == u"resourceclaims") {
        // The apiserver's STATE column: pending, allocated, allocated,reserved (deleted while terminating).
        const QJsonObject status = object.value(u"status").toObject();
        QStringList state;
        if (object.value(u"metadata").toObject().contains(u"deletionTimestamp"))
            state.append(u"deleted"_qs);
        if (status.contains(u"allocation"))
            state.append(u"allocated"_qs);
        if (!status.value(u"reservedFor").toArray().isEmpty())
            state.append(u"reserved"_qs);
        stored.cells = { state.isEmpty() ? u"pending"_qs : state.join(u',') };
    } else if (plural == u"sriovnetworknodestates") {
        // The operator's CRD printer columns.
        const QJsonObject annotations = object.value(u"metadata").toObject().value(u"annotations").toObject();
        auto annotation = [&annotations](const QString &suffix) {
            for (auto it = annotations.begin(); it != annotations.end(); ++it) {
                if (it.key().endsWith(suffix))
                    return it.value().toString();
            }
            return QString();
        };
        stored.cells = { object.value(u"status").toObject().value(u"syncStatus").toString(),
                         annotation(u"/desired-state"_qs), annotation(u"/current-state"_qs) };
    }
}

} // namespace

QList<ResourceType> resourceTypes(const Scenario &scenario)
{
    QList<ResourceType> types = {
        { {}, u"v1"_qs, u"namespaces"_qs, u"namespace"_qs, u"Namespace"_qs, false, { u"ns"_qs } },
        { {}, u"v1"_qs, u"nodes"_qs, u"node"_qs, u"Node"_qs, false, { u"no"_qs } },
        { {}, u"v1"_qs, u"pods"_qs, u"pod"_qs, u"Pod"_qs, true, { u"po"_qs } },
        { {}, u"v1"_qs, u"services"_qs, u"service"_qs, u"Service"_qs, true, { u"svc"_qs } },
        { {}, u"v1"_qs, u"events"_qs, u"event"_qs, u"Event"_qs, true, { u"ev"_qs } },
        { {}, u"v1"_qs, u"configmaps"_qs, u"configmap"_qs, u"ConfigMap"_qs, true, { u"cm"_qs } },
        { scenario.sriovGroup,
          u"v1"_qs,
          u"sriovnetworknodestates"_qs,
          u"sriovnetworknodestate"_qs,
          u"SriovNetworkNodeState"_qs,
          true,
          {} },
        { scenario.sriovGroup,
          u"v1"_qs,
          u"sriovnetworknodepolicies"_qs,
          u"sriovnetworknodepolicy"_qs,
          u"SriovNetworkNodePolicy"_qs,
          true,
          {} },
        { u"k8s.cni.cncf.io"_qs,
          u"v1"_qs,
          u"network-attachment-definitions"_qs,
          u"network-attachment-definition"_qs,
          u"NetworkAttachmentDefinition"_qs,
          true,
          { u"net-attach-def"_qs } },
    };
    if (scenario.hasDra()) {
        types.append({ u"resource.k8s.io"_qs,
                       u"v1"_qs,
                       u"resourceslices"_qs,
                       u"resourceslice"_qs,
                       u"ResourceSlice"_qs,
                       false,
                       {} });
        types.append({ u"resource.k8s.io"_qs,
                       u"v1"_qs,
                       u"resourceclaims"_qs,
                       u"resourceclaim"_qs,
                       u"ResourceClaim"_qs,
                       true,
                       {} });
    }
    return types;
}

ObjectStore::ObjectStore(int historyLimit)
    : m_historyLimit(qMax(16, historyLimit))
{ }

QByteArray ObjectStore::key(const QString &ns, const QString &name)
{
    return ns.isEmpty() ? name.toUtf8() : ns.toUtf8() + '/' + name.toUtf8();
}

void ObjectStore::put(const QString &plural, QJsonObject object)
{
    QJsonObject metadata = object.value(u"metadata").toObject();
    const quint64 version = ++m_resourceVersion;
    metadata.insert(u"resourceVersion"_qs, QString::number(version));
    object.insert(u"metadata"_qs, metadata);

    StoredObject stored;
    stored.ns = metadata.value(u"namespace").toString();
    stored.name = metadata.value(u"name").toString();
    stored.resourceVersion = version;
    stored.json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    stored.metadataJson = QJsonDocument(metadata).toJson(QJsonDocument::Compact);
    stored.createdMs
        = QDateTime::fromString(metadata.value(u"creationTimestamp").toString(), Qt::ISODate).toMSecsSinceEpoch();
    const QJsonObject labels = metadata.value(u"labels").toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        stored.labels.insert(it.key(), it.value().toString());
    if (plural == u"pods") {
        stored.nodeName = object.value(u"spec").toObject().value(u"nodeName").toString();
        stored.phase = object.value(u"status").toObject().value(u"phase").toString();
    }
    fillTable(plural, object, stored);

    Collection &collection = m_collections[plural];
    const QByteArray k = key(stored.ns, stored.name);
    const bool existed = collection.count(k) > 0;
    collection[k] = stored;
    record(plural, existed ? "MODIFIED" : "ADDED", stored);
}

void ObjectStore::putStored(const QString &plural, StoredObject stored)
{
    Collection &collection = m_collections[plural];
    const QByteArray k = key(stored.ns, stored.name);
    auto it = collection.find(k);
    const bool existed = it != collection.end();
    if (existed)
        it->second = std::move(stored);
    else
        it = collection.emplace(k, std::move(stored)).first;
    record(plural, existed ? "MODIFIED" : "ADDED", it->second);
}

bool ObjectStore::remove(const QString &plural, const QString &ns, const QString &name)
{
    Collection &collection = m_collections[plural];
    const auto it = collection.find(key(ns, name));
    if (it == collection.end())
        return false;
    StoredObject stored = std::move(it->second);
    collection.erase(it);
    // A deleted object is reported with the version of its deletion.
    stored.resourceVersion = ++m_resourceVersion;
    QJsonObject object = QJsonDocument::fromJson(stored.json).object();
    QJsonObject metadata = object.value(u"metadata").toObject();
    metadata.insert(u"resourceVersion"_qs, QString::number(stored.resourceVersion));
    object.insert(u"metadata"_qs, metadata);
    stored.json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    record(plural, "DELETED", stored);
    return true;
}

const StoredObject *ObjectStore::find(const QString &plural, const QString &ns, const QString &name) const
{
    const auto collection = m_collections.constFind(plural);
    if (collection == m_collections.cend())
        return nullptr;
    const auto it = collection->find(key(ns, name));
    return it == collection->end() ? nullptr : &it->second;
}

const ObjectStore::Collection &ObjectStore::collection(const QString &plural) const
{
    static const Collection empty;
    const auto it = m_collections.constFind(plural);
    return it == m_collections.cend() ? empty : *it;
}

quint64 ObjectStore::oldestReplayableVersion() const
{
    return m_compactedVersion;
}

void ObjectStore::record(const QString &plural, const QByteArray &type, const StoredObject &object)
{
    if (!m_recording) {
        m_compactedVersion = m_resourceVersion;
        return;
    }
    WatchEvent event { object.resourceVersion, type, plural, object };
    m_history.push_back(event);
    while (qsizetype(m_history.size()) > m_historyLimit) {
        m_compactedVersion = m_history.front().resourceVersion;
        m_history.pop_front();
    }
    if (m_listener)
        m_listener(event);
}

} // namespace Specula::Sim
