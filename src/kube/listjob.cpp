// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/listjob.h"

#include "core/logging.h"
#include "core/offthread.h"
#include "kube/resourceparsers.h"
#include "net/apiconnection.h"

#include <QElapsedTimer>

namespace Specula::Kube {

ListJob::ListJob(Net::ApiConnection *connection, ResourceKind kind, QString path, ListOptions options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_kind(kind)
    , m_path(std::move(path))
    , m_options(std::move(options))
{ }

ListJob::~ListJob()
{
    abortFetch();
    // The pool of a list of 150,000 pods takes the GUI thread some 40 ms to free.
    Core::freeOffThread(std::move(m_texts));
}

void ListJob::start()
{
    fetch({});
}

void ListJob::cancel()
{
    m_done = true;
    ++m_generation;
    abortFetch();
    deleteLater();
}

void ListJob::abortFetch()
{
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    m_request = nullptr;
}

void ListJob::fetch(const QString &continueToken)
{
    QUrlQuery query;
    if (m_options.pageSize > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
    if (!continueToken.isEmpty())
        query.addQueryItem(QStringLiteral("continue"), continueToken);
    if (!m_options.labelSelector.isEmpty())
        query.addQueryItem(QStringLiteral("labelSelector"), m_options.labelSelector);
    if (!m_options.fieldSelector.isEmpty())
        query.addQueryItem(QStringLiteral("fieldSelector"), m_options.fieldSelector);
    Net::RequestOptions requestOptions;
    requestOptions.transferTimeout = m_options.pageTimeout;
    m_requestToken = continueToken;
    m_request = m_connection->get(m_path, query, requestOptions);
    connect(m_request, &Net::ApiRequest::finished, this,
            [this, token = continueToken](const Net::BodyResult &result) { onFetched(token, result); });
}

void ListJob::onFetched(const QString &token, const Core::Result<QByteArray> &body)
{
    m_request = nullptr;
    if (m_done)
        return;
    if (!body) {
        // An expired continue token: the list must start again at a fresh resourceVersion.
        if (body.error().kind == Core::Error::Kind::Gone && !token.isEmpty()) {
            restart(body.error());
            return;
        }
        fail(body.error());
        return;
    }
    if (m_parsing) {
        m_fetchedBody = *body;
        return;
    }
    parse(*body);
}

void ListJob::parse(QByteArray body)
{
    m_parsing = true;
    // Ask for the next page now, so the network and the parser work at the same time. The real
    // token from the parse confirms the guess in onParsed().
    if (!m_request) {
        const std::optional<QString> next = ResourceParsers::peekContinueToken(body);
        if (next && !next->isEmpty())
            fetch(*next);
    }
    const quint64 generation = m_generation;
    const QString where = m_connection->url(m_path).toString(QUrl::RemoveUserInfo);
    Core::runOffThread(
        this,
        [kind = m_kind, body = std::move(body), where, texts = m_texts] {
            return ResourceParsers::parseList(kind, body, where, texts.get());
        },
        [this, generation](const Core::Result<ListPage> &page) { onParsed(generation, page); });
}

void ListJob::onParsed(quint64 generation, const Core::Result<ListPage> &result)
{
    if (generation != m_generation || m_done)
        return;
    m_parsing = false;
    if (!result) {
        fail(result.error());
        return;
    }
    const ListPage &page = *result;
    ++m_pages;
    m_items += page.items.size();
    if (m_request && m_requestToken != page.continueToken) {
        // The early guess at the token was wrong (an unusual body layout): fetch the right page.
        abortFetch();
        m_fetchedBody.reset();
    }
    if (m_fetchedBody && m_requestToken != page.continueToken)
        m_fetchedBody.reset();

    QPointer<ListJob> self(this);
    Q_EMIT this->page(page.items, page.remainingItemCount.value_or(0));
    if (!self || m_done)
        return;
    if (page.continueToken.isEmpty()) {
        m_done = true;
        qCDebug(lcKube).noquote() << "listed" << m_path << m_items << "items in" << m_pages << "pages, resourceVersion"
                                  << page.resourceVersion;
        Q_EMIT finished(page.resourceVersion);
        deleteLater();
        return;
    }
    if (m_fetchedBody) {
        QByteArray next = std::move(*m_fetchedBody);
        m_fetchedBody.reset();
        parse(std::move(next));
    } else if (!m_request) {
        fetch(page.continueToken);
    }
}

void ListJob::restart(const Core::Error &reason)
{
    if (++m_restarts > m_options.maxRestarts) {
        fail(reason);
        return;
    }
    qCInfo(lcKube).noquote() << "continue token expired while listing" << m_path << "- restarting the list";
    ++m_generation;
    abortFetch();
    m_fetchedBody.reset();
    // A page of the old list may still be parsing with the old pool.
    Core::freeOffThread(std::exchange(m_texts, std::make_shared<Core::TextPool>()));
    m_parsing = false;
    m_pages = 0;
    m_items = 0;
    QPointer<ListJob> self(this);
    Q_EMIT restarted(reason);
    if (self && !m_done)
        fetch({});
}

void ListJob::fail(const Core::Error &error)
{
    if (m_done)
        return;
    m_done = true;
    ++m_generation;
    abortFetch();
    Q_EMIT failed(error);
    deleteLater();
}

} // namespace Specula::Kube
