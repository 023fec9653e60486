// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/resourceparsers.h"

#include "core/jsonscan.h"
#include "kube/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>
#include <iterator>

namespace Specula::Kube {
namespace {

using namespace JsonRead;
using Core::Error;

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

Core::Result<Node> ResourceParsers::parseNode(const QJsonObject &o, Core::TextPool *pool)
{
    // A GPU node carries dozens of feature-discovery labels, nearly all of them the same on every
    // node of a pool: shared, a list's nodes hold one copy of each name and value.
    Reader r(pool);
    Node node;
    node.meta = r.meta(o);
    const QJsonObject spec = r.object(o, QLatin1String("spec"), {});
    node.unschedulable = r.boolean(spec, QLatin1String("unschedulable"), kSpec);
    r.forEachObject(spec, QLatin1String("taints"), kSpec, [&](const QJsonObject &t, const Path &p) {
        node.taints.append(Taint { r.word(t, QLatin1String("key"), p), r.word(t, QLatin1String("value"), p),
                                   r.word(t, QLatin1String("effect"), p) });
    });
    const QJsonObject status = r.object(o, QLatin1String("status"), {});
    node.capacity = r.resources(status, QLatin1String("capacity"), kStatus);
    node.allocatable = r.resources(status, QLatin1String("allocatable"), kStatus);
    node.conditions = r.conditions(status, kStatus);
    const Path infoPath = kStatus.child(QLatin1String("nodeInfo"));
    node.kubeletVersion
        = r.word(r.object(status, QLatin1String("nodeInfo"), kStatus), QLatin1String("kubeletVersion"), infoPath);
    r.forEachObject(status, QLatin1String("addresses"), kStatus, [&](const QJsonObject &a, const Path &p) {
        if (node.internalIP.isEmpty() && r.str(a, QLatin1String("type"), p) == QLatin1String("InternalIP"))
            node.internalIP = r.str(a, QLatin1String("address"), p);
    });
    return finish(r, "Node", std::move(node));
}

Core::Result<Pod> ResourceParsers::parsePod(const QJsonObject &o, Core::TextPool *pool)
{
    Reader r(pool);
    Pod pod;
    pod.meta = r.meta(o);
    const QJsonObject spec = r.object(o, QLatin1String("spec"), {});
    pod.nodeName = r.word(spec, QLatin1String("nodeName"), kSpec);
    pod.nodeSelector = r.stringMap(spec, QLatin1String("nodeSelector"), kSpec);
    pod.containers = r.containers(spec, QLatin1String("containers"), kSpec);
    pod.initContainers = r.containers(spec, QLatin1String("initContainers"), kSpec);
    pod.overhead = r.resources(spec, QLatin1String("overhead"), kSpec);
    const QJsonObject status = r.object(o, QLatin1String("status"), {});
    pod.phase = r.word(status, QLatin1String("phase"), kStatus);
    // Only a PodScheduled that is not True is kept: it says why a pod waits. The others, and
    // PodScheduled on every pod that has a node, would cost 100–500 bytes on each of a large
    // cluster's pods.
    const QList<Condition> conditions = r.conditions(status, kStatus);
    std::copy_if(
        conditions.cbegin(), conditions.cend(), std::back_inserter(pod.conditions), [](const Condition &condition) {
            return condition.type == QLatin1String("PodScheduled") && condition.status != QLatin1String("True");
        });
    pod.podIP = r.str(status, QLatin1String("podIP"), kStatus);
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

Core::Result<NetworkAttachmentDefinition> ResourceParsers::parseNetworkAttachmentDefinition(const QJsonObject &o)
{
    Reader r;
    NetworkAttachmentDefinition nad;
    nad.meta = r.meta(o);
    nad.resourceName = nad.meta.annotations.value(QStringLiteral("k8s.v1.cni.cncf.io/resourceName"));
    nad.config = r.str(r.object(o, QLatin1String("spec"), {}), QLatin1String("config"), kSpec);
    return finish(r, "NetworkAttachmentDefinition", std::move(nad));
}

Core::Result<ConfigMap> ResourceParsers::parseConfigMap(const QJsonObject &o)
{
    Reader r;
    ConfigMap configMap;
    configMap.meta = r.meta(o);
    // binaryData is left out: the device plugin's configuration is text.
    configMap.data = r.stringMap(o, QLatin1String("data"), {});
    return finish(r, "ConfigMap", std::move(configMap));
}

Core::Result<Resource> ResourceParsers::parseObject(ResourceKind kind, const QJsonObject &object, Core::TextPool *pool)
{
    auto wrap = [](auto result) -> Core::Result<Resource> {
        if (!result)
            return result.error();
        return Resource(std::move(result).value());
    };
    switch (kind) {
    case ResourceKind::Node:
        return wrap(parseNode(object, pool));
    case ResourceKind::Pod:
        return wrap(parsePod(object, pool));
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
    case ResourceKind::SriovNetworkNodePolicy:
        return wrap(parseSriovNetworkNodePolicy(object));
    case ResourceKind::ConfigMap:
        return wrap(parseConfigMap(object));
    case ResourceKind::ResourceSlice:
        return wrap(parseResourceSlice(object));
    case ResourceKind::ResourceClaim:
        return wrap(parseResourceClaim(object));
    }
    return Error { Error::Kind::Parse, QStringLiteral("unknown resource kind"), {}, 0, {} };
}

Core::Result<ListPage> ResourceParsers::parseList(ResourceKind kind, const QByteArray &json, const QString &where,
                                                  Core::TextPool *pool)
{
    const auto invalidJson = [&](const QJsonParseError &parseError) {
        return Error {
            Error::Kind::Parse,
            QStringLiteral("invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()),
            where,
            0,
            {}
        };
    };
    // The items are read one at a time, each from a document of its own: a document of a page of
    // 500 pods takes twice as long to read, and frees its blocks only after every item's kept
    // texts have been placed between them. The list's own fields come from a small document of
    // the page with its items left out.
    std::optional<Core::JsonScan::Span> items;
    if (const auto top = Core::JsonScan::value(json)) {
        Core::JsonScan::forEachMember(json, *top, [&](QByteArrayView key, Core::JsonScan::Span value) {
            if (key == "items" && json.at(value.begin) == '[')
                items = value;
            return true;
        });
    }
    const QByteArray head = items ? json.left(items->begin) + "[]" + json.mid(items->end) : json;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(head, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalidJson(parseError);
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
    if (!items)
        return page;

    Core::TextPool pageTexts;
    Core::TextPool *texts = pool ? pool : &pageTexts;
    std::optional<Error> error;
    const bool whole = Core::JsonScan::forEachElement(json, *items, [&](Core::JsonScan::Span span) {
        const qsizetype i = page.items.size();
        const QByteArray text = QByteArray::fromRawData(json.constData() + span.begin, span.end - span.begin);
        if (json.at(span.begin) != '{') {
            // A document holds an object or an array: anything else is read inside one.
            const QJsonValue value = QJsonDocument::fromJson('[' + text + ']', &parseError).array().at(0);
            if (parseError.error == QJsonParseError::NoError) {
                error = Error { Error::Kind::Parse,
                                QStringLiteral("items[%1]: expected an object, got %2").arg(i).arg(typeName(value)),
                                where,
                                0,
                                {} };
            }
            return false;
        }
        const QJsonDocument item = QJsonDocument::fromJson(text, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return false;
        auto parsed = parseObject(kind, item.object(), texts);
        if (!parsed) {
            error = parsed.error();
            error->where = where.isEmpty() ? error->where : where + QStringLiteral(" items[%1] ").arg(i) + error->where;
            return false;
        }
        page.items.append(std::move(parsed).value());
        return true;
    });
    if (error)
        return *error;
    if (!whole) {
        // Broken inside or between the items: the whole page's document says where.
        (void)QJsonDocument::fromJson(json, &parseError);
        return invalidJson(parseError);
    }
    return page;
}

} // namespace Specula::Kube
