// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "prom/promcandidates.h"
#include "prom/promendpoint.h"
#include "prom/promtypes.h"

#include <QObject>

class QNetworkAccessManager;

namespace Specula::Prom {

class PromClient;

// Finds the cluster's Prometheus without a port-forward: lists the Services (or, when RBAC
// forbids that, guesses the usual installs' fixed names), asks every candidate for its build info
// through the API server's service proxy, all at once, and reports the best-ranked one that
// answered. Emits exactly one of found() or failed().
class PromDiscovery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromDiscovery)

public:
    PromDiscovery(QNetworkAccessManager *nam, Net::ConnectionContext apiServer, QObject *parent = nullptr);
    ~PromDiscovery() override;

    void start();

Q_SIGNALS:
    void found(const Specula::Prom::PromEndpoint &endpoint, const Specula::Prom::PromCandidate &candidate,
               const Specula::Prom::BuildInfo &buildInfo);
    // Names every candidate tried and why each failed, or says that none was found.
    void failed(const Specula::Core::Error &error);

private:
    struct Probe
    {
        PromCandidate candidate;
        PromClient *client = nullptr;
        bool done = false;
        std::optional<BuildInfo> answer;
        QString error;
    };

    void onServices(const Core::Result<QByteArray> &body, int httpStatus);
    void probe(const QList<PromCandidate> &candidates, bool guessed);
    void decide();

    QNetworkAccessManager *m_nam;
    Net::ConnectionContext m_apiServer;
    QList<Probe> m_probes;
    bool m_guessed = false;
    bool m_finished = false;
};

} // namespace Specula::Prom
