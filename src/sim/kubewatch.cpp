// SPDX-License-Identifier: GPL-3.0-or-later
// KubeApi's watch streams, apart from the list and discovery code.
#include "sim/kubeapi.h"

#include <QTimer>

namespace Specula::Sim {

namespace {

QByteArray eventLine(const QByteArray &type, const QByteArray &object)
{
    return "{\"type\":\"" + type + "\",\"object\":" + object + "}\n";
}

} // namespace

void KubeApi::watch(const ResourceType &type, Filter filter, const HttpRequest &request, HttpResponder *responder)
{
    const QString rvText = request.queryValue(u"resourceVersion"_qs);
    bool numeric = true;
    const quint64 from = rvText.isEmpty() ? 0 : rvText.toULongLong(&numeric);
    if (!numeric) {
        sendStatus(responder, 400, u"BadRequest"_qs, u"invalid resource version: %1"_qs.arg(rvText));
        return;
    }
    const FaultInjector::Action action = std::exchange(m_action, FaultInjector::Action::None);
    responder->beginStream(200, "application/json");
    if (action == FaultInjector::Action::Drop || action == FaultInjector::Action::Truncate) {
        responder->abortConnection();
        return;
    }
    const bool forcedGone = m_faults->takeGoneWatch();
    if (forcedGone || (from != 0 && from < m_store->oldestReplayableVersion())) {
        const QString message
            = u"too old resource version: %1 (%2)"_qs.arg(from).arg(m_store->oldestReplayableVersion() + 1);
        responder->writeChunk(eventLine("ERROR", statusBody(410, u"Expired"_qs, message)));
        responder->endStream();
        return;
    }
    if (action == FaultInjector::Action::MalformedJson)
        responder->writeChunk("{\"type\":\"ADDED\",\"object\":{\"kind\":\x01\n");

    if (from == 0) {
        // "Start at most recent" with the current state as synthetic ADDED events, as the apiserver does.
        const ObjectStore::Collection &collection = m_store->collection(type.plural);
        QByteArray batch;
        for (const auto &[key, object] : collection) {
            if (!filter.matches(object))
                continue;
            batch += eventLine("ADDED", object.json);
            if (batch.size() > 256 * 1024) {
                responder->writeChunk(batch);
                batch.clear();
            }
        }
        responder->writeChunk(batch);
    } else {
        QByteArray batch;
        for (const WatchEvent &event : m_store->history()) {
            if (event.resourceVersion > from && event.plural == type.plural && filter.matches(event.object))
                batch += eventLine(event.type, event.object.json);
        }
        responder->writeChunk(batch);
    }

    Watch w;
    w.responder = responder;
    w.plural = type.plural;
    w.kind = type.kind;
    w.apiVersion = type.apiVersion();
    w.filter = std::move(filter);
    const QString bookmarks = request.queryValue(u"allowWatchBookmarks"_qs);
    w.bookmarks = bookmarks == u"true" || bookmarks == u"1";
    bool ok = false;
    int timeout = request.queryValue(u"timeoutSeconds"_qs).toInt(&ok);
    if (!ok || timeout <= 0)
        timeout = 1800;
    w.timeout = new QTimer(this);
    w.timeout->setSingleShot(true);
    QPointer<HttpResponder> guard(responder);
    connect(w.timeout, &QTimer::timeout, this, [this, guard] {
        for (qsizetype i = 0; i < m_watches.size(); ++i) {
            if (m_watches.at(i).responder == guard)
                endWatch(int(i));
        }
    });
    w.timeout->start(timeout * 1000);
    connect(responder, &HttpResponder::clientGone, this, [this, guard] {
        for (qsizetype i = m_watches.size() - 1; i >= 0; --i) {
            if (m_watches.at(i).responder == guard || !m_watches.at(i).responder) {
                delete m_watches.at(i).timeout;
                m_watches.removeAt(i);
            }
        }
    });
    m_watches.append(w);
}

void KubeApi::endWatch(int index)
{
    Watch w = m_watches.takeAt(index);
    delete w.timeout;
    if (w.responder)
        w.responder->endStream();
}

void KubeApi::dispatch(const WatchEvent &event)
{
    for (qsizetype i = m_watches.size() - 1; i >= 0; --i) {
        Watch &w = m_watches[i];
        if (!w.responder || w.responder->isFinished()) {
            delete w.timeout;
            m_watches.removeAt(i);
            continue;
        }
        if (w.plural == event.plural && w.filter.matches(event.object))
            w.responder->writeChunk(eventLine(event.type, event.object.json));
    }
}

void KubeApi::sendBookmarks()
{
    const QByteArray rv = QByteArray::number(m_store->resourceVersion());
    for (const Watch &w : std::as_const(m_watches)) {
        if (!w.bookmarks || !w.responder || w.responder->isFinished())
            continue;
        w.responder->writeChunk(eventLine("BOOKMARK",
                                          "{\"kind\":\"" + w.kind.toUtf8() + "\",\"apiVersion\":\""
                                              + w.apiVersion.toUtf8() + "\",\"metadata\":{\"resourceVersion\":\"" + rv
                                              + "\"}}"));
    }
}

} // namespace Specula::Sim
