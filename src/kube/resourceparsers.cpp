// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/resourceparsers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Specula::Kube {
namespace {

using Core::Error;
using Core::Quantity;

// A field path built on the stack while descending; turned into text only when something is
// wrong, so the happy path allocates nothing for it.
struct Path
{
    const Path *parent = nullptr;
    QLatin1String key;
    qsizetype index = -1;

    Path child(QLatin1String k) const { return Path { this, k, -1 }; }
    Path at(qsizetype i) const { return Path { this, {}, i }; }
    QString toString() const
    {
        QString text = parent ? parent->toString() : QString();
        if (index >= 0)
            return text + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
        if (key.size() == 0)
            return text;
        return text.isEmpty() ? QString(key) : text + QLatin1Char('.') + key;
    }
};

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("null");
    }
}

class Reader
{
public:
    QString error;

    bool failed() const { return !error.isEmpty(); }
    void fail(const Path &path, const QString &message)
    {
        if (error.isEmpty())
            error = path.toString() + QStringLiteral(": ") + message;
    }
    void wrongType(const Path &path, const QJsonValue &value, const char *expected)
    {
        fail(path, QStringLiteral("expected %1, got %2").arg(QLatin1String(expected), typeName(value)));
    }

    QString str(const QJsonObject &o, QLatin1String key, const Path &parent)
    {
        const QJsonValue v = o.value(key);
        if (v.isString())
            return v.toString();
        if (!v.isUndefined() && !v.isNull())
            wrongType(parent.child(key), v, "a string");
        return {};
    }
    bool boolean(const QJsonObject &o, QLatin1String key, const Path &parent)
    {
        const QJsonValue v = o.value(key);
        if (v.isBool())
            return v.toBool();
        if (!v.isUndefined() && !v.isNull())
            wrongType(parent.child(key), v, "a boolean");
        return false;
    }
    std::optional<int> integer(const QJsonObject &o, QLatin1String key, const Path &parent)
    {
        const QJsonValue v = o.value(key);
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d == double(qint64(d)) && d >= std::numeric_limits<int>::min() && d <= std::numeric_limits<int>::max())
                return int(d);
            fail(parent.child(key), QStringLiteral("expected an integer, got %1").arg(d));
            return std::nullopt;
        }
        if (!v.isUndefined() && !v.isNull())
            wrongType(parent.child(key), v, "an integer");
        return std::nullopt;
    }
    QJsonObject object(const QJsonObject &o, QLatin1String key, const Path &parent)
    {
        const QJsonValue v = o.value(key);
        if (v.isObject())
            return v.toObject();
        if (!v.isUndefined() && !v.isNull())
            wrongType(parent.child(key), v, "an object");
        return {};
    }
    QJsonArray array(const QJsonObject &o, QLatin1String key, const Path &parent)
    {
        const QJsonValue v = o.value(key);
        if (v.isArray())
            return v.toArray();
        if (!v.isUndefined() && !v.isNull())
            wrongType(parent.child(key), v, "an array");
        return {};
    }
    QDateTime time(const QJsonObject &o, QLatin1String key, const Path &parent)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            wrongType(parent.child(key), v, "an RFC 3339 time");
            return {};
        }
        const QString text = v.toString();
        QDateTime t = ResourceParsers::parseTimestamp(text);
        if (!t.isValid() && !text.isEmpty())
            fail(parent.child(key), QStringLiteral("not an RFC 3339 time: \"%1\"").arg(text));
        return t;
    }
    QHash<QString, QString> stringMap(const QJsonObject &o, QLatin1String key, const Path &parent)
    {
        QHash<QString, QString> map;
        const QJsonObject m = object(o, key, parent);
        if (m.isEmpty())
            return map;
        map.reserve(m.size());
        for (auto it = m.constBegin(); it != m.constEnd(); ++it) {
            if (!it.value().isString()) {
                const QByteArray name = it.key().toUtf8();
                Path p = parent.child(key);
                fail(p,
                     QStringLiteral("value of \"%1\": expected a string, got %2")
                         .arg(QString::fromUtf8(name), typeName(it.value())));
                return map;
            }
            map.insert(it.key(), it.value().toString());
        }
        return map;
    }
    // Quantities are strings in API JSON, bare numbers in hand-written manifests.
    ResourceList resources(const QJsonObject &o, QLatin1String key, const Path &parent)
    {
        ResourceList list;
        const QJsonObject m = object(o, key, parent);
        for (auto it = m.constBegin(); it != m.constEnd(); ++it) {
            const QJsonValue v = it.value();
            std::optional<Quantity> q;
            if (v.isString()) {
                q = Quantity::parse(v.toString());
            } else if (v.isDouble()) {
                const double d = v.toDouble();
                q = Quantity::parse(QString::number(d, 'g', 17));
            }
            if (!q) {
                fail(parent.child(key),
                     QStringLiteral("\"%1\": not a quantity: %2")
                         .arg(it.key(),
                              v.isString() ? QLatin1Char('"') + v.toString() + QLatin1Char('"') : typeName(v)));
                return list;
            }
            list.insert(it.key(), *q);
        }
        return list;
    }

    ObjectMeta meta(const QJsonObject &root)
    {
        const Path p { nullptr, QLatin1String("metadata") };
        const QJsonObject m = object(root, QLatin1String("metadata"), Path {});
        ObjectMeta meta;
        meta.name = str(m, QLatin1String("name"), p);
        meta.namespaceName = str(m, QLatin1String("namespace"), p);
        meta.uid = str(m, QLatin1String("uid"), p);
        meta.resourceVersion = str(m, QLatin1String("resourceVersion"), p);
        meta.creationTimestamp = time(m, QLatin1String("creationTimestamp"), p);
        meta.deletionTimestamp = time(m, QLatin1String("deletionTimestamp"), p);
        meta.labels = stringMap(m, QLatin1String("labels"), p);
        meta.annotations = stringMap(m, QLatin1String("annotations"), p);
        return meta;
    }

    QList<Condition> conditions(const QJsonObject &status, const Path &parent)
    {
        QList<Condition> list;
        const QJsonArray array = this->array(status, QLatin1String("conditions"), parent);
        list.reserve(array.size());
        const Path p = parent.child(QLatin1String("conditions"));
        for (qsizetype i = 0; i < array.size(); ++i) {
            const Path ip = p.at(i);
            const QJsonValue v = array.at(i);
            if (!v.isObject()) {
                wrongType(ip, v, "an object");
                break;
            }
            const QJsonObject c = v.toObject();
            Condition condition;
            condition.type = str(c, QLatin1String("type"), ip);
            condition.status = str(c, QLatin1String("status"), ip);
            condition.reason = str(c, QLatin1String("reason"), ip);
            condition.message = str(c, QLatin1String("message"), ip);
            condition.lastTransitionTime = time(c, QLatin1String("lastTransitionTime"), ip);
            list.append(std::move(condition));
        }
        return list;
    }

    template<class F> void forEachObject(const QJsonObject &o, QLatin1String key, const Path &parent, F &&f)
    {
        const QJsonArray array = this->array(o, key, parent);
        const Path p = parent.child(key);
        for (qsizetype i = 0; i < array.size() && !failed(); ++i) {
            const QJsonValue v = array.at(i);
            if (!v.isObject()) {
                wrongType(p.at(i), v, "an object");
                return;
            }
            f(v.toObject(), p.at(i));
        }
    }

    QList<Container> containers(const QJsonObject &spec, QLatin1String key, const Path &parent)
    {
        QList<Container> list;
        forEachObject(spec, key, parent, [&](const QJsonObject &c, const Path &p) {
            Container container;
            container.name = str(c, QLatin1String("name"), p);
            const QJsonObject resources = object(c, QLatin1String("resources"), p);
            const Path rp = p.child(QLatin1String("resources"));
            container.requests = this->resources(resources, QLatin1String("requests"), rp);
            container.limits = this->resources(resources, QLatin1String("limits"), rp);
            container.restartable = str(c, QLatin1String("restartPolicy"), p) == QLatin1String("Always");
            list.append(std::move(container));
        });
        return list;
    }
};

template<class T> Core::Result<T> finish(const Reader &reader, const char *kind, T value)
{
    if (!reader.failed())
        return value;
    const ObjectMeta &meta = value.meta;
    QString name = meta.namespaceName.isEmpty() ? meta.name : meta.namespaceName + QLatin1Char('/') + meta.name;
    if (name.isEmpty())
        name = QStringLiteral("(unnamed)");
    return Error { Error::Kind::Parse, reader.error, QLatin1String(kind) + QLatin1Char(' ') + name, 0, {} };
}

const Path kSpec { nullptr, QLatin1String("spec") };
const Path kStatus { nullptr, QLatin1String("status") };

int digits(const QChar *p, int n, bool &ok)
{
    int value = 0;
    for (int i = 0; i < n; ++i) {
        const char16_t c = p[i].unicode();
        if (c < u'0' || c > u'9') {
            ok = false;
            return 0;
        }
        value = value * 10 + (c - u'0');
    }
    return value;
}

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

} // namespace

QDateTime ResourceParsers::parseTimestamp(QStringView text)
{
    // Hand-rolled because QDateTime::fromString costs microseconds and a large pod list has
    // around a million timestamps.
    if (text.size() < 20 || text[4] != u'-' || text[7] != u'-' || (text[10] != u'T' && text[10] != u't')
        || text[13] != u':' || text[16] != u':')
        return {};
    bool ok = true;
    const QChar *s = text.data();
    const int year = digits(s, 4, ok), month = digits(s + 5, 2, ok), day = digits(s + 8, 2, ok);
    const int hour = digits(s + 11, 2, ok), minute = digits(s + 14, 2, ok), second = digits(s + 17, 2, ok);
    if (!ok || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return {};
    qsizetype i = 19;
    int millis = 0;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        int scale = 100;
        const qsizetype start = i;
        while (i < text.size() && text[i].isDigit()) {
            millis += (text[i].unicode() - u'0') * scale;
            scale /= 10;
            ++i;
        }
        if (i == start)
            return {};
    }
    qint64 offsetSeconds = 0;
    if (i < text.size() && (text[i] == u'Z' || text[i] == u'z')) {
        ++i;
    } else if (i + 6 == text.size() && (text[i] == u'+' || text[i] == u'-') && text[i + 3] == u':') {
        const int oh = digits(s + i + 1, 2, ok), om = digits(s + i + 4, 2, ok);
        if (!ok)
            return {};
        offsetSeconds = (oh * 3600 + om * 60) * (text[i] == u'-' ? -1 : 1);
        i += 6;
    } else {
        return {};
    }
    if (i != text.size())
        return {};
    const qint64 seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + millis, Qt::UTC);
}

std::optional<QString> ResourceParsers::peekContinueToken(const QByteArray &json)
{
    // The API server writes kind, apiVersion, metadata, then items. Only trust what comes
    // before "items"; tokens are base64url, so no escapes are expected.
    const QByteArrayView head = QByteArrayView(json).first(std::min<qsizetype>(json.size(), 4096));
    const qsizetype items = head.indexOf("\"items\"");
    if (items < 0)
        return std::nullopt;
    const QByteArrayView before = head.first(items);
    const qsizetype key = before.indexOf("\"continue\"");
    if (key < 0)
        return QString();
    qsizetype i = key + 10;
    while (i < before.size() && (before[i] == ' ' || before[i] == '\n' || before[i] == '\r' || before[i] == '\t'))
        ++i;
    if (i >= before.size() || before[i] != ':')
        return std::nullopt;
    ++i;
    while (i < before.size() && (before[i] == ' ' || before[i] == '\n' || before[i] == '\r' || before[i] == '\t'))
        ++i;
    if (i >= before.size() || before[i] != '"')
        return std::nullopt;
    const qsizetype start = ++i;
    while (i < before.size() && before[i] != '"') {
        if (before[i] == '\\')
            return std::nullopt;
        ++i;
    }
    if (i >= before.size())
        return std::nullopt;
    return QString::fromLatin1(before.sliced(start, i - start));
}

Core::Result<Node> ResourceParsers::parseNode(const QJsonObject &o)
{
    Reader r;
    Node node;
    node.meta = r.meta(o);
    const QJsonObject spec = r.object(o, QLatin1String("spec"), {});
    node.unschedulable = r.boolean(spec, QLatin1String("unschedulable"), kSpec);
    r.forEachObject(spec, QLatin1String("taints"), kSpec, [&](const QJsonObject &t, const Path &p) {
        node.taints.append(Taint { r.str(t, QLatin1String("key"), p), r.str(t, QLatin1String("value"), p),
                                   r.str(t, QLatin1String("effect"), p) });
    });
    const QJsonObject status = r.object(o, QLatin1String("status"), {});
    node.capacity = r.resources(status, QLatin1String("capacity"), kStatus);
    node.allocatable = r.resources(status, QLatin1String("allocatable"), kStatus);
    node.conditions = r.conditions(status, kStatus);
    const Path infoPath = kStatus.child(QLatin1String("nodeInfo"));
    node.kubeletVersion
        = r.str(r.object(status, QLatin1String("nodeInfo"), kStatus), QLatin1String("kubeletVersion"), infoPath);
    r.forEachObject(status, QLatin1String("addresses"), kStatus, [&](const QJsonObject &a, const Path &p) {
        if (node.internalIP.isEmpty() && r.str(a, QLatin1String("type"), p) == QLatin1String("InternalIP"))
            node.internalIP = r.str(a, QLatin1String("address"), p);
    });
    return finish(r, "Node", std::move(node));
}

Core::Result<Pod> ResourceParsers::parsePod(const QJsonObject &o)
{
    Reader r;
    Pod pod;
    pod.meta = r.meta(o);
    const QJsonObject spec = r.object(o, QLatin1String("spec"), {});
    pod.nodeName = r.str(spec, QLatin1String("nodeName"), kSpec);
    pod.schedulerName = r.str(spec, QLatin1String("schedulerName"), kSpec);
    pod.containers = r.containers(spec, QLatin1String("containers"), kSpec);
    pod.initContainers = r.containers(spec, QLatin1String("initContainers"), kSpec);
    pod.overhead = r.resources(spec, QLatin1String("overhead"), kSpec);
    const QJsonObject status = r.object(o, QLatin1String("status"), {});
    pod.phase = r.str(status, QLatin1String("phase"), kStatus);
    pod.conditions = r.conditions(status, kStatus);
    pod.podIP = r.str(status, QLatin1String("podIP"), kStatus);
    pod.nominatedNodeName = r.str(status, QLatin1String("nominatedNodeName"), kStatus);
    pod.startTime = r.time(status, QLatin1String("startTime"), kStatus);
    return finish(r, "Pod", std::move(pod));
}

Core::Result<Namespace> ResourceParsers::parseNamespace(const QJsonObject &o)
{
    Reader r;
    Namespace ns;
    ns.meta = r.meta(o);
    ns.phase = r.str(r.object(o, QLatin1String("status"), {}), QLatin1String("phase"), kStatus);
    return finish(r, "Namespace", std::move(ns));
}

Core::Result<Service> ResourceParsers::parseService(const QJsonObject &o)
{
    Reader r;
    Service service;
    service.meta = r.meta(o);
    const QJsonObject spec = r.object(o, QLatin1String("spec"), {});
    service.type = r.str(spec, QLatin1String("type"), kSpec);
    service.clusterIP = r.str(spec, QLatin1String("clusterIP"), kSpec);
    service.selector = r.stringMap(spec, QLatin1String("selector"), kSpec);
    r.forEachObject(spec, QLatin1String("ports"), kSpec, [&](const QJsonObject &p, const Path &path) {
        ServicePort port;
        port.name = r.str(p, QLatin1String("name"), path);
        port.protocol = r.str(p, QLatin1String("protocol"), path);
        port.port = r.integer(p, QLatin1String("port"), path).value_or(0);
        const QJsonValue target = p.value(QLatin1String("targetPort"));
        if (target.isDouble())
            port.targetPort = QString::number(target.toInteger());
        else
            port.targetPort = r.str(p, QLatin1String("targetPort"), path);
        service.ports.append(std::move(port));
    });
    return finish(r, "Service", std::move(service));
}

Core::Result<Event> ResourceParsers::parseEvent(const QJsonObject &o)
{
    Reader r;
    Event event;
    event.meta = r.meta(o);
    const Path involvedPath { nullptr, QLatin1String("involvedObject") };
    const QJsonObject involved = r.object(o, QLatin1String("involvedObject"), {});
    event.involvedObject.kind = r.str(involved, QLatin1String("kind"), involvedPath);
    event.involvedObject.namespaceName = r.str(involved, QLatin1String("namespace"), involvedPath);
    event.involvedObject.name = r.str(involved, QLatin1String("name"), involvedPath);
    event.involvedObject.uid = r.str(involved, QLatin1String("uid"), involvedPath);
    event.type = r.str(o, QLatin1String("type"), {});
    event.reason = r.str(o, QLatin1String("reason"), {});
    event.message = r.str(o, QLatin1String("message"), {});
    event.count = r.integer(o, QLatin1String("count"), {}).value_or(0);
    event.firstTimestamp = r.time(o, QLatin1String("firstTimestamp"), {});
    event.lastTimestamp = r.time(o, QLatin1String("lastTimestamp"), {});
    // events.k8s.io-style events carry only eventTime (a MicroTime); series.lastObservedTime
    // is newer still when the event repeats.
    const QDateTime eventTime = r.time(o, QLatin1String("eventTime"), {});
    const Path seriesPath { nullptr, QLatin1String("series") };
    const QDateTime seriesTime
        = r.time(r.object(o, QLatin1String("series"), {}), QLatin1String("lastObservedTime"), seriesPath);
    if (!event.lastTimestamp.isValid())
        event.lastTimestamp = seriesTime.isValid() ? seriesTime : eventTime;
    if (!event.firstTimestamp.isValid())
        event.firstTimestamp = eventTime;
    const Path sourcePath { nullptr, QLatin1String("source") };
    event.sourceComponent = r.str(r.object(o, QLatin1String("source"), {}), QLatin1String("component"), sourcePath);
    if (event.sourceComponent.isEmpty())
        event.sourceComponent = r.str(o, QLatin1String("reportingController"), {});
    return finish(r, "Event", std::move(event));
}

Core::Result<SriovNetworkNodeState> ResourceParsers::parseSriovNetworkNodeState(const QJsonObject &o)
{
    Reader r;
    SriovNetworkNodeState state;
    state.meta = r.meta(o);
    state.apiGroup = r.str(o, QLatin1String("apiVersion"), {}).section(QLatin1Char('/'), 0, 0);
    const QJsonObject status = r.object(o, QLatin1String("status"), {});
    state.syncStatus = r.str(status, QLatin1String("syncStatus"), kStatus);
    state.lastSyncError = r.str(status, QLatin1String("lastSyncError"), kStatus);
    // Field names follow the operator's Go JSON tags: "Vfs", "Vlan", "totalvfs", "vfID".
    r.forEachObject(status, QLatin1String("interfaces"), kStatus, [&](const QJsonObject &i, const Path &p) {
        SriovInterface nic;
        nic.name = r.str(i, QLatin1String("name"), p);
        nic.mac = r.str(i, QLatin1String("mac"), p);
        nic.driver = r.str(i, QLatin1String("driver"), p);
        nic.pciAddress = r.str(i, QLatin1String("pciAddress"), p);
        nic.vendor = r.str(i, QLatin1String("vendor"), p);
        nic.deviceId = r.str(i, QLatin1String("deviceID"), p);
        nic.linkSpeed = r.str(i, QLatin1String("linkSpeed"), p);
        nic.linkType = r.str(i, QLatin1String("linkType"), p);
        nic.mtu = r.integer(i, QLatin1String("mtu"), p);
        nic.numVfs = r.integer(i, QLatin1String("numVfs"), p).value_or(0);
        nic.totalVfs = r.integer(i, QLatin1String("totalvfs"), p);
        r.forEachObject(i, QLatin1String("Vfs"), p, [&](const QJsonObject &v, const Path &vp) {
            SriovVf vf;
            vf.vfId = r.integer(v, QLatin1String("vfID"), vp).value_or(0);
            vf.name = r.str(v, QLatin1String("name"), vp);
            vf.mac = r.str(v, QLatin1String("mac"), vp);
            vf.driver = r.str(v, QLatin1String("driver"), vp);
            vf.pciAddress = r.str(v, QLatin1String("pciAddress"), vp);
            vf.vendor = r.str(v, QLatin1String("vendor"), vp);
            vf.deviceId = r.str(v, QLatin1String("deviceID"), vp);
            vf.vlan = r.integer(v, QLatin1String("Vlan"), vp);
            vf.mtu = r.integer(v, QLatin1String("mtu"), vp);
            nic.vfs.append(std::move(vf));
        });
        state.interfaces.append(std::move(nic));
    });
    return finish(r, "SriovNetworkNodeState", std::move(state));
}

Core::Result<NetworkAttachmentDefinition> ResourceParsers::parseNetworkAttachmentDefinition(const QJsonObject &o)
{
    Reader r;
    NetworkAttachmentDefinition nad;
    nad.meta = r.meta(o);
    nad.resourceName = nad.meta.annotations.value(QStringLiteral("k8s.v1.cni.cncf.io/resourceName"));
    nad.config = r.str(r.object(o, QLatin1String("spec"), {}), QLatin1String("config"), kSpec);
    return finish(r, "NetworkAttachmentDefinition", std::move(nad));
}

Core::Result<Resource> ResourceParsers::parseObject(ResourceKind kind, const QJsonObject &object)
{
    auto wrap = [](auto result) -> Core::Result<Resource> {
        if (!result)
            return result.error();
        return Resource(std::move(result).value());
    };
    switch (kind) {
    case ResourceKind::Node:
        return wrap(parseNode(object));
    case ResourceKind::Pod:
        return wrap(parsePod(object));
    case ResourceKind::Namespace:
        return wrap(parseNamespace(object));
    case ResourceKind::Service:
        return wrap(parseService(object));
    case ResourceKind::Event:
        return wrap(parseEvent(object));
    case ResourceKind::SriovNetworkNodeState:
        return wrap(parseSriovNetworkNodeState(object));
    case ResourceKind::NetworkAttachmentDefinition:
        return wrap(parseNetworkAttachmentDefinition(object));
    }
    return Error { Error::Kind::Parse, QStringLiteral("unknown resource kind"), {}, 0, {} };
}

Core::Result<ListPage> ResourceParsers::parseList(ResourceKind kind, const QByteArray &json, const QString &where)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error {
            Error::Kind::Parse,
            QStringLiteral("invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()),
            where,
            0,
            {}
        };
    }
    if (!document.isObject())
        return Error { Error::Kind::Parse, QStringLiteral("expected a JSON object"), where, 0, {} };
    const QJsonObject root = document.object();
    Reader r;
    const Path metaPath { nullptr, QLatin1String("metadata") };
    const QJsonObject metadata = r.object(root, QLatin1String("metadata"), {});
    ListPage page;
    page.resourceVersion = r.str(metadata, QLatin1String("resourceVersion"), metaPath);
    page.continueToken = r.str(metadata, QLatin1String("continue"), metaPath);
    const QJsonValue remaining = metadata.value(QLatin1String("remainingItemCount"));
    if (remaining.isDouble())
        page.remainingItemCount = remaining.toInteger();
    const QJsonValue itemsValue = root.value(QLatin1String("items"));
    if (!itemsValue.isArray() && !itemsValue.isNull() && !itemsValue.isUndefined())
        r.wrongType(Path { nullptr, QLatin1String("items") }, itemsValue, "an array");
    if (r.failed())
        return Error { Error::Kind::Parse, r.error, where, 0, {} };
    const QJsonArray items = itemsValue.toArray();
    page.items.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        if (!item.isObject()) {
            return Error { Error::Kind::Parse,
                           QStringLiteral("items[%1]: expected an object, got %2").arg(i).arg(typeName(item)),
                           where,
                           0,
                           {} };
        }
        auto parsed = parseObject(kind, item.toObject());
        if (!parsed) {
            Error error = parsed.error();
            error.where = where.isEmpty() ? error.where : where + QStringLiteral(" items[%1] ").arg(i) + error.where;
            return error;
        }
        page.items.append(std::move(parsed).value());
    }
    return page;
}

} // namespace Specula::Kube
