// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the parsers (resourceparsers.cpp, sriovparsers.cpp, draparsers.cpp, ...): reads
// fields out of QJsonObjects, remembering the first problem with its field path so that every
// parser reports errors the same way.

#include "kube/resourceparsers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <algorithm>
#include <limits>

namespace Specula::Kube::JsonRead {

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

inline QString typeName(const QJsonValue &value)
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
    // With a pool, texts that repeat from object to object (namespaces, node names, labels,
    // resource and container names) share one copy with the pool's other objects.
    explicit Reader(Core::TextPool *pool = nullptr)
        : m_pool(pool)
    { }

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
    // A text that repeats across objects: str(), shared through the pool.
    QString word(const QJsonObject &o, QLatin1String key, const Path &parent) { return shared(str(o, key, parent)); }
    QString shared(const QString &text) { return m_pool ? m_pool->shared(text) : text; }
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
    QStringList strings(const QJsonObject &o, QLatin1String key, const Path &parent)
    {
        QStringList list;
        const QJsonArray a = array(o, key, parent);
        list.reserve(a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString()) {
                wrongType(parent.child(key).at(i), a.at(i), "a string");
                return list;
            }
            list.append(a.at(i).toString());
        }
        return list;
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
    StringMap stringMap(const QJsonObject &o, QLatin1String key, const Path &parent)
    {
        StringMap map;
        const QJsonObject m = object(o, key, parent);
        if (m.isEmpty())
            return map;
        for (auto it = m.constBegin(); it != m.constEnd(); ++it) {
            if (!it.value().isString()) {
                const QByteArray name = it.key().toUtf8();
                Path p = parent.child(key);
                fail(p,
                     QStringLiteral("value of \"%1\": expected a string, got %2")
                         .arg(QString::fromUtf8(name), typeName(it.value())));
                return map;
            }
            map.insert(shared(it.key()), shared(it.value().toString()));
        }
        return m_pool ? m_pool->shared(map) : map;
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
            list.insert(shared(it.key()), *q);
        }
        return m_pool ? m_pool->shared(list) : list;
    }

    ObjectMeta meta(const QJsonObject &root)
    {
        const Path p { nullptr, QLatin1String("metadata") };
        const QJsonObject m = object(root, QLatin1String("metadata"), Path {});
        ObjectMeta meta;
        meta.name = str(m, QLatin1String("name"), p);
        meta.namespaceName = word(m, QLatin1String("namespace"), p);
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
            condition.type = word(c, QLatin1String("type"), ip);
            condition.status = word(c, QLatin1String("status"), ip);
            condition.reason = word(c, QLatin1String("reason"), ip);
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
            container.name = word(c, QLatin1String("name"), p);
            const QJsonObject resources = object(c, QLatin1String("resources"), p);
            const Path rp = p.child(QLatin1String("resources"));
            container.requests = this->resources(resources, QLatin1String("requests"), rp);
            container.limits = this->resources(resources, QLatin1String("limits"), rp);
            container.restartable = str(c, QLatin1String("restartPolicy"), p) == QLatin1String("Always");
            list.append(std::move(container));
        });
        return list;
    }

private:
    Core::TextPool *m_pool;
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

// "invalid JSON at line 9, column 14 (byte 412): missing value separator": people read JSON
// that is embedded in YAML or annotations by line, not by byte offset.
inline QString invalidJsonMessage(const QByteArray &json, const QJsonParseError &error)
{
    const qsizetype offset = std::clamp<qsizetype>(error.offset, 0, json.size());
    const QByteArrayView before = QByteArrayView(json).first(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return QStringLiteral("invalid JSON at line %1, column %2 (byte %3): %4")
        .arg(line)
        .arg(column)
        .arg(error.offset)
        .arg(error.errorString());
}

inline const Path kSpec { nullptr, QLatin1String("spec") };
inline const Path kStatus { nullptr, QLatin1String("status") };

} // namespace Specula::Kube::JsonRead
