// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/kubeapi.h"

#include "sim/tableformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace Specula::Sim {

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The field labels the apiserver accepts in fieldSelector, by resource (its GetAttrs functions).
QStringList selectableFields(const QString &plural)
{
    QStringList fields = { u"metadata.name"_qs, u"metadata.namespace"_qs };
    if (plural == u"pods")
        fields << u"spec.nodeName"_qs << u"status.phase"_qs;
    else if (plural == u"events")
        fields << u"reason"_qs << u"type"_qs << u"source"_qs << u"reportingComponent"_qs << u"involvedObject.kind"_qs
               << u"involvedObject.name"_qs << u"involvedObject.namespace"_qs << u"involvedObject.uid"_qs
               << u"involvedObject.apiVersion"_qs << u"involvedObject.resourceVersion"_qs
               << u"involvedObject.fieldPath"_qs;
    else if (plural == u"resourceslices")
        fields << u"spec.nodeName"_qs << u"spec.driver"_qs;
    return fields;
}

} // namespace

KubeApi::KubeApi(const Scenario &scenario, ObjectStore *store, FaultInjector *faults, QObject *parent)
    : QObject(parent)
    , m_scenario(scenario)
    , m_types(resourceTypes(scenario))
    , m_store(store)
    , m_faults(faults)
    , m_continueExpirySeconds(scenario.continueExpirySeconds)
{
    m_bookmarkTimer = new QTimer(this);
    m_bookmarkTimer->setInterval(qMax(1, scenario.bookmarkSeconds) * 1000);
    connect(m_bookmarkTimer, &QTimer::timeout, this, &KubeApi::sendBookmarks);
    m_bookmarkTimer->start();
}

KubeApi::~KubeApi() = default;

int KubeApi::activeWatches() const
{
    return int(m_watches.size());
}

QByteArray KubeApi::statusBody(int code, const QString &reason, const QString &message, const QJsonObject &details)
{
    QJsonObject status { { u"kind"_qs, u"Status"_qs },
                         { u"apiVersion"_qs, u"v1"_qs },
                         { u"metadata"_qs, QJsonObject {} },
                         { u"status"_qs, u"Failure"_qs },
                         { u"message"_qs, message },
                         { u"reason"_qs, reason },
                         { u"code"_qs, code } };
    if (!details.isEmpty())
        status.insert(u"details"_qs, details);
    // The apiserver writes the fields in this order; QJsonObject sorts keys, so write by hand.
    QByteArray out = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
        + QJsonDocument(QJsonArray { message }).toJson(QJsonDocument::Compact).chopped(1).mid(1) + ",\"reason\":\""
        + reason.toUtf8() + '"';
    if (!details.isEmpty())
        out += ",\"details\":" + json(details);
    out += ",\"code\":" + QByteArray::number(code) + '}';
    return out;
}

void KubeApi::deliver(HttpResponder *responder, int status, const QByteArray &body)
{
    switch (std::exchange(m_action, FaultInjector::Action::None)) {
    case FaultInjector::Action::Drop:
        responder->sendTruncated(status, body, "application/json", true);
        return;
    case FaultInjector::Action::Truncate:
        responder->sendTruncated(status, body);
        return;
    case FaultInjector::Action::MalformedJson:
        responder->send(status, body.left(body.size() * 2 / 3) + "\x01}{\"");
        return;
    default:
        responder->send(status, body);
    }
}

void KubeApi::sendStatus(HttpResponder *responder, int code, const QString &reason, const QString &message,
                         const QJsonObject &details)
{
    deliver(responder, code, statusBody(code, reason, message, details));
}

bool KubeApi::Filter::matches(const StoredObject &object) const
{
    if (!ns.isEmpty() && object.ns != ns)
        return false;
    if (!labels.matches(object.labels))
        return false;
    for (const FieldRequirement &r : fields) {
        QString value;
        if (r.field == u"spec.nodeName")
            value = object.nodeName;
        else if (r.field == u"status.phase")
            value = object.phase;
        else if (r.field == u"metadata.name")
            value = object.name;
        else if (r.field == u"metadata.namespace")
            value = object.ns;
        else
            value = object.fields.value(r.field);
        if ((value == r.value) == r.negate)
            return false;
    }
    return true;
}

void KubeApi::handle(const HttpRequest &request, HttpResponder *responder, FaultInjector::Action action)
{
    m_action = action;
    if (request.method != "GET") {
        sendStatus(responder, 405, u"MethodNotAllowed"_qs,
                   u"the server does not allow this method on the requested resource"_qs);
        return;
    }
    if (discovery(request, responder))
        return;

    // /api/v1/[namespaces/NS/]PLURAL[/NAME] and /apis/GROUP/VERSION/[namespaces/NS/]PLURAL[/NAME]
    QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    QString group;
    QString version;
    if (segments.value(0) == u"api" && segments.size() >= 3) {
        version = segments.value(1);
        segments = segments.mid(2);
    } else if (segments.value(0) == u"apis" && segments.size() >= 4) {
        group = segments.value(1);
        version = segments.value(2);
        segments = segments.mid(3);
    } else {
        sendStatus(responder, 404, u"NotFound"_qs, u"the server could not find the requested resource"_qs);
        return;
    }
    QString ns;
    if (segments.size() >= 3 && segments.at(0) == u"namespaces") {
        ns = segments.at(1);
        segments = segments.mid(2);
    }
    const QString plural = segments.value(0);
    const QString name = segments.value(1);
    const ResourceType *type = nullptr;
    for (const ResourceType &t : std::as_const(m_types)) {
        if (t.group == group && t.version == version && t.plural == plural)
            type = &t;
    }
    // "namespaces/NAME" itself is a cluster-scoped get of a namespace.
    if (!type && segments.isEmpty() && !ns.isEmpty() && group.isEmpty()) {
        get(m_types.first(), {}, ns, request, responder);
        return;
    }
    if (!type || segments.size() > 2 || (!ns.isEmpty() && !type->namespaced)) {
        sendStatus(responder, 404, u"NotFound"_qs, u"the server could not find the requested resource"_qs);
        return;
    }
    if (!name.isEmpty()) {
        get(*type, ns, name, request, responder);
        return;
    }

    Filter filter;
    filter.ns = ns;
    const QString labelSelector = request.queryValue(u"labelSelector"_qs);
    if (!labelSelector.isEmpty()) {
        const auto parsed = Kube::LabelSelector::parse(labelSelector);
        if (!parsed) {
            sendStatus(responder, 400, u"BadRequest"_qs, parsed.error().message);
            return;
        }
        filter.labels = parsed.value();
    }
    const QString fieldSelector = request.queryValue(u"fieldSelector"_qs);
    for (const QString &part : fieldSelector.split(u',', Qt::SkipEmptyParts)) {
        FieldRequirement r;
        const qsizetype neq = part.indexOf(u"!=");
        const qsizetype eq = part.indexOf(u'=');
        r.negate = neq >= 0;
        r.field = part.left(neq >= 0 ? neq : eq).trimmed();
        r.value = part.mid(neq >= 0 ? neq + 2 : (part.mid(eq, 2) == u"==" ? eq + 2 : eq + 1)).trimmed();
        const bool supported = selectableFields(type->plural).contains(r.field);
        if (eq < 0 || !supported) {
            sendStatus(responder, 400, u"BadRequest"_qs,
                       u"field label not supported: %1"_qs.arg(eq < 0 ? part : r.field));
            return;
        }
        filter.fields.append(r);
    }
    const QString watchParam = request.queryValue(u"watch"_qs);
    if (watchParam == u"1" || watchParam == u"true")
        watch(*type, filter, request, responder);
    else
        list(*type, filter, request, responder);
}

bool KubeApi::discovery(const HttpRequest &request, HttpResponder *responder)
{
    const QString &path = request.path;
    if (path == u"/version") {
        const QString v = m_scenario.serverVersion;
        deliver(responder, 200,
                json({ { u"major"_qs, v.section(u'.', 0, 0).mid(1) },
                       { u"minor"_qs, v.section(u'.', 1, 1) },
                       { u"gitVersion"_qs, v },
                       { u"gitCommit"_qs, u"0000000000000000000000000000000000000000"_qs },
                       { u"gitTreeState"_qs, u"clean"_qs },
                       { u"buildDate"_qs, u"2024-08-14T00:00:00Z"_qs },
                       { u"goVersion"_qs, u"go1.22.5"_qs },
                       { u"compiler"_qs, u"gc"_qs },
                       { u"platform"_qs, u"linux/amd64"_qs } }));
        return true;
    }
    if (path == u"/api") {
        deliver(responder, 200,
                json({ { u"kind"_qs, u"APIVersions"_qs },
                       { u"versions"_qs, QJsonArray { u"v1"_qs } },
                       { u"serverAddressByClientCIDRs"_qs,
                         QJsonArray { QJsonObject { { u"clientCIDR"_qs, u"0.0.0.0/0"_qs },
                                                    { u"serverAddress"_qs, u"127.0.0.1:6443"_qs } } } } }));
        return true;
    }
    if (path == u"/apis") {
        QJsonArray groups;
        QStringList seen;
        for (const ResourceType &t : std::as_const(m_types)) {
            if (t.group.isEmpty() || seen.contains(t.group))
                continue;
            seen.append(t.group);
            const QJsonObject gv { { u"groupVersion"_qs, t.apiVersion() }, { u"version"_qs, t.version } };
            groups.append(QJsonObject {
                { u"name"_qs, t.group }, { u"versions"_qs, QJsonArray { gv } }, { u"preferredVersion"_qs, gv } });
        }
        deliver(responder, 200,
                json({ { u"kind"_qs, u"APIGroupList"_qs }, { u"apiVersion"_qs, u"v1"_qs }, { u"groups"_qs, groups } }));
        return true;
    }
    QString groupVersion;
    if (path == u"/api/v1")
        groupVersion = u"v1"_qs;
    else if (path.startsWith(u"/apis/") && path.count(u'/') == 3)
        groupVersion = path.mid(6);
    if (groupVersion.isEmpty())
        return false;
    QJsonArray resources;
    for (const ResourceType &t : std::as_const(m_types)) {
        if (t.apiVersion() != groupVersion)
            continue;
        QJsonObject resource { { u"name"_qs, t.plural },
                               { u"singularName"_qs, t.singular },
                               { u"namespaced"_qs, t.namespaced },
                               { u"kind"_qs, t.kind },
                               { u"verbs"_qs, QJsonArray { u"get"_qs, u"list"_qs, u"watch"_qs } } };
        if (!t.shortNames.isEmpty())
            resource.insert(u"shortNames"_qs, QJsonArray::fromStringList(t.shortNames));
        if (t.plural == u"pods" || t.plural == u"nodes" || t.plural == u"services")
            resource.insert(u"categories"_qs, QJsonArray { u"all"_qs });
        resources.append(resource);
    }
    if (resources.isEmpty())
        return false;
    deliver(responder, 200,
            json({ { u"kind"_qs, u"APIResourceList"_qs },
                   { u"apiVersion"_qs, u"v1"_qs },
                   { u"groupVersion"_qs, groupVersion },
                   { u"resources"_qs, resources } }));
    return true;
}

QByteArray KubeApi::encodeContinue(const QByteArray &startKey, qint64 served) const
{
    const QJsonObject token { { u"v"_qs, u"meta.k8s.io/v1"_qs },
                              { u"rv"_qs, qint64(m_store->resourceVersion()) },
                              { u"start"_qs, QString(QString::fromUtf8(startKey) + QChar(0)) },
                              { u"e"_qs, qint64(m_faults->continueEpoch()) },
                              { u"n"_qs, served },
                              { u"t"_qs, double(QDateTime::currentMSecsSinceEpoch()) } };
    return json(token).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

void KubeApi::list(const ResourceType &type, const Filter &filter, const HttpRequest &request, HttpResponder *responder)
{
    const ObjectStore::Collection &collection = m_store->collection(type.plural);
    auto it = collection.begin();
    const QByteArray prefix = filter.ns.isEmpty() ? QByteArray() : filter.ns.toUtf8() + '/';
    if (!prefix.isEmpty())
        it = collection.lower_bound(prefix);
    const QString continueToken = request.queryValue(u"continue"_qs);
    qint64 servedBefore = 0; // items of this list served by the earlier pages
    if (!continueToken.isEmpty()) {
        const QJsonObject token
            = QJsonDocument::fromJson(QByteArray::fromBase64(continueToken.toLatin1(), QByteArray::Base64UrlEncoding))
                  .object();
        if (token.value(u"v").toString() != u"meta.k8s.io/v1" || !token.contains(u"start")) {
            sendStatus(
                responder, 400, u"BadRequest"_qs,
                u"continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)"_qs);
            return;
        }
        const qint64 age = QDateTime::currentMSecsSinceEpoch() - qint64(token.value(u"t").toDouble());
        if (age > qint64(m_continueExpirySeconds) * 1000
            || quint64(token.value(u"e").toInteger()) != m_faults->continueEpoch()) {
            sendStatus(
                responder, 410, u"Expired"_qs,
                u"The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list."_qs);
            return;
        }
        servedBefore = token.value(u"n").toInteger();
        QByteArray start = token.value(u"start").toString().toUtf8();
        it = collection.lower_bound(std::max(start, prefix));
    }
    const qint64 limit = request.queryValue(u"limit"_qs).toLongLong();
    const bool table = request.header("accept").contains("as=Table");
    const QString includeObject = request.queryValue(u"includeObject"_qs);
    const qint64 ageNow = QDateTime::currentMSecsSinceEpoch();
    Q_UNUSED(ageNow)

    QByteArray items;
    items.reserve(limit > 0 ? limit * 1600 : 1 << 16);
    qint64 count = 0;
    QByteArray nextKey;
    QByteArray lastKey;
    for (; it != collection.end(); ++it) {
        if (!prefix.isEmpty() && !it->first.startsWith(prefix))
            break;
        if (!filter.matches(it->second))
            continue;
        if (limit > 0 && count == limit) {
            nextKey = it->first;
            break;
        }
        if (count > 0)
            items += ',';
        items += table ? TableFormat::row(type, it->second, includeObject) : it->second.json;
        lastKey = it->first;
        ++count;
    }
    QByteArray metadata = "{\"resourceVersion\":\"" + QByteArray::number(m_store->resourceVersion()) + '"';
    if (!nextKey.isEmpty()) {
        // As the apiserver does, the token names the last key returned; the next page starts
        // just after it ("key\0"), so the first key not yet returned is included.
        metadata += ",\"continue\":\"" + encodeContinue(lastKey, servedBefore + count) + '"';
        if (filter.labels.isEmpty() && filter.fields.isEmpty() && prefix.isEmpty()) {
            // Counting the rest of 150,000 pods on every page made paging quadratic; the pages served so far
            // tell it (exact unless the collection changed in between, see README).
            const qint64 remaining = qMax<qint64>(0, qint64(collection.size()) - servedBefore - count);
            metadata += ",\"remainingItemCount\":" + QByteArray::number(remaining);
        } else if (filter.labels.isEmpty() && filter.fields.isEmpty()) {
            qint64 remaining = 0;
            for (auto rest = collection.find(nextKey); rest != collection.end(); ++rest) {
                if (!prefix.isEmpty() && !rest->first.startsWith(prefix))
                    break;
                ++remaining;
            }
            metadata += ",\"remainingItemCount\":" + QByteArray::number(remaining);
        }
    }
    metadata += '}';
    QByteArray body;
    if (table) {
        body = "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":" + metadata
            + ",\"columnDefinitions\":" + TableFormat::header(type) + ",\"rows\":[" + items + "]}";
    } else {
        body = "{\"kind\":\"" + type.kind.toUtf8() + "List\",\"apiVersion\":\"" + type.apiVersion().toUtf8()
            + "\",\"metadata\":" + metadata + ",\"items\":[" + items + "]}";
    }
    deliver(responder, 200, body);
}

void KubeApi::get(const ResourceType &type, const QString &ns, const QString &name, const HttpRequest &request,
                  HttpResponder *responder)
{
    const StoredObject *object = m_store->find(type.plural, ns, name);
    if (!object) {
        QJsonObject details { { u"name"_qs, name }, { u"kind"_qs, type.plural } };
        if (!type.group.isEmpty())
            details.insert(u"group"_qs, type.group);
        const QString resource = type.group.isEmpty() ? type.plural : type.plural + u'.' + type.group;
        sendStatus(responder, 404, u"NotFound"_qs, u"%1 \"%2\" not found"_qs.arg(resource, name), details);
        return;
    }
    if (request.header("accept").contains("as=Table")) {
        deliver(responder, 200,
                "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{\"resourceVersion\":\""
                    + QByteArray::number(m_store->resourceVersion())
                    + "\"},\"columnDefinitions\":" + TableFormat::header(type) + ",\"rows\":["
                    + TableFormat::row(type, *object, request.queryValue(u"includeObject"_qs)) + "]}");
        return;
    }
    deliver(responder, 200, object->json);
}

} // namespace Specula::Sim
