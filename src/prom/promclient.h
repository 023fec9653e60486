// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prom/promendpoint.h"
#include "prom/promjob.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <chrono>

class QNetworkAccessManager;

namespace Specula::Net {
class ApiConnection;
} // namespace Specula::Net

namespace Specula::Prom {

// The Prometheus HTTP API (/api/v1), asynchronous only. The QNetworkAccessManager is the
// caller's (one per connection). Every call returns a started PromJob, owned by the client until
// it finishes, that reports once. query() and queryRange() POST their parameters as a form:
// Prometheus accepts both methods, and long PromQL does not fit a URL.
class PromClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromClient)

public:
    PromClient(QNetworkAccessManager *nam, PromEndpoint endpoint, QObject *parent = nullptr);
    ~PromClient() override;

    const PromEndpoint &endpoint() const { return m_endpoint; }

    // An instant query; an invalid `time` means the server's now.
    PromJob *query(const QString &expr, const QDateTime &time = {});
    PromJob *queryRange(const QString &expr, const QDateTime &start, const QDateTime &end, std::chrono::seconds step);
    // Label sets of the series matching any of `matchers` (e.g. {__name__=~"DCGM_.*"}); invalid
    // times leave the range to the server.
    PromJob *series(const QStringList &matchers, const QDateTime &start = {}, const QDateTime &end = {});
    // Label names, and the values of one label, over the series matching any of `matchers`
    // (sent as match[]; none: every series).
    PromJob *labels(const QStringList &matchers = {});
    PromJob *labelValues(const QString &name, const QStringList &matchers = {});
    PromJob *buildInfo();

    // Prometheus' time parameter: Unix seconds with milliseconds.
    static QString timeParameter(const QDateTime &time);

private:
    PromJob *post(const QString &path, const QUrlQuery &form, PromJob::Answer answer);
    PromJob *get(const QString &path, const QUrlQuery &query, PromJob::Answer answer);

    PromEndpoint m_endpoint;
    Net::ApiConnection *m_connection;
};

} // namespace Specula::Prom
