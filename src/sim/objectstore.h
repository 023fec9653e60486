// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/scenario.h"

#include <QByteArray>
#include <QJsonArray>
#include <deque>
#include <functional>
#include <map>

namespace Specula::Sim {

struct ResourceType
{
    QString group; // empty: core
    QString version;
    QString plural;
    QString singular;
    QString kind;
    bool namespaced = true;
    QStringList shortNames;

    QString apiVersion() const { return group.isEmpty() ? version : group + u'/' + version; }
};

// The types a scenario serves (SR-IOV under its group, DRA only when present).
QList<ResourceType> resourceTypes(const Scenario &scenario);

// One object with its JSON rendered once, plus what selectors and tables need without parsing it.
struct StoredObject
{
    QString ns;
    QString name;
    QByteArray json;
    QByteArray metadataJson;
    quint64 resourceVersion = 0;
    qint64 createdMs = 0;
    StringMap labels;
    QString nodeName; // pods: spec.nodeName
    QString phase; // pods: status.phase
    StringMap fields; // other fields that fieldSelector can name: events' reason, type, involvedObject.*
    // Table cells after NAME and before AGE; the extra (wide) ones after AGE follow in wideCells (TableFormat).
    QJsonArray cells;
    QJsonArray wideCells;
};

struct WatchEvent
{
    quint64 resourceVersion = 0;
    QByteArray type; // ADDED, MODIFIED, DELETED
    QString plural;
    StoredObject object;
};

// Every object of the simulated cluster by plural and "namespace/name" key, the global
// resourceVersion counter and a bounded history of events for watches.
class ObjectStore
{
public:
    using Collection = std::map<QByteArray, StoredObject>;

    explicit ObjectStore(int historyLimit = 20000);

    void put(const QString &plural, QJsonObject object);
    // For objects rendered elsewhere (PodJsonWriter): the version to embed, then the finished object.
    quint64 reserveVersion() { return ++m_resourceVersion; }
    void putStored(const QString &plural, StoredObject stored);
    bool remove(const QString &plural, const QString &ns, const QString &name);
    const StoredObject *find(const QString &plural, const QString &ns, const QString &name) const;

    const Collection &collection(const QString &plural) const;
    quint64 resourceVersion() const { return m_resourceVersion; }
    // Events newer than this version can be replayed to a watch.
    quint64 oldestReplayableVersion() const;
    const std::deque<WatchEvent> &history() const { return m_history; }
    // Initial loading records no events.
    void setRecording(bool recording) { m_recording = recording; }
    void setListener(std::function<void(const WatchEvent &)> listener) { m_listener = std::move(listener); }

    static QByteArray key(const QString &ns, const QString &name);

private:
    void record(const QString &plural, const QByteArray &type, const StoredObject &object);

    QHash<QString, Collection> m_collections;
    std::deque<WatchEvent> m_history;
    quint64 m_resourceVersion = 1000;
    quint64 m_compactedVersion = 1000;
    int m_historyLimit;
    bool m_recording = true;
    std::function<void(const WatchEvent &)> m_listener;
};

} // namespace Specula::Sim
