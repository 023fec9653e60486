// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/result.h"
#include "core/textpool.h"
#include "kube/listoptions.h"
#include "kube/resourcekind.h"
#include "kube/resources.h"

#include <QObject>
#include <QPointer>
#include <QUrlQuery>
#include <memory>
#include <optional>

namespace Specula::Net {
class ApiConnection;
class ApiRequest;
} // namespace Specula::Net

namespace Specula::Kube {

struct ListPage;

// Lists one kind in pages (limit/continue). Every page is parsed on a worker thread, and the next
// page is already on its way while the current one is parsed. Pages are emitted in order as they
// arrive; when a continue token expires (410) the list restarts from scratch and restarted() tells
// the receiver to drop what it got. Emits exactly one of finished() or failed(), then deletes
// itself later. Create it through KubeClient::list().
class ListJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListJob)

public:
    ListJob(Net::ApiConnection *connection, ResourceKind kind, QString path, ListOptions options,
            QObject *parent = nullptr);
    ~ListJob() override;

    void start();
    // Stops without emitting anything more.
    void cancel();

    ResourceKind kind() const { return m_kind; }
    int pageCount() const { return m_pages; }
    qint64 itemCount() const { return m_items; }
    int restartCount() const { return m_restarts; }

Q_SIGNALS:
    // `remaining`: the items still to come as the server counts them (metadata.remainingItemCount),
    // 0 when it does not say.
    void page(const QList<Specula::Kube::Resource> &items, qint64 remaining);
    void restarted(const Specula::Core::Error &reason); // drop the pages received so far
    void finished(const QString &resourceVersion); // after the last page
    void failed(const Specula::Core::Error &error);

private:
    void fetch(const QString &continueToken);
    void onFetched(const QString &token, const Core::Result<QByteArray> &body);
    void parse(QByteArray body);
    void onParsed(quint64 generation, const Core::Result<ListPage> &page);
    void restart(const Core::Error &reason);
    void fail(const Core::Error &error);
    void abortFetch();

    Net::ApiConnection *m_connection;
    ResourceKind m_kind;
    QString m_path;
    ListOptions m_options;

    QPointer<Net::ApiRequest> m_request; // the page on the wire
    QString m_requestToken; // its continue token
    std::optional<QByteArray> m_fetchedBody; // fetched while the previous page was still parsing
    bool m_parsing = false;
    // Shared by every page of the list, which are parsed one at a time: a namespace, node name or
    // workload's labels met on one page are the same copy on all the others.
    std::shared_ptr<Core::TextPool> m_texts = std::make_shared<Core::TextPool>();
    quint64 m_generation = 0; // bumped on restart and cancel; late parse results are dropped
    int m_pages = 0;
    qint64 m_items = 0;
    int m_restarts = 0;
    bool m_done = false;
};

} // namespace Specula::Kube
