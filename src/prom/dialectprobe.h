// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "prom/dialect.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Specula::Prom {

class PromClient;
class PromJob;
struct PromResponse;

// Finds out once per connection which dialect the Prometheus behind `client` speaks, in three
// asynchronous rounds: the family names of interest (label/__name__/values with one match[]),
// the label names of each dcgm, Kepler and sriov_kubepoddevice family present
// (labels?match[]=, in parallel), then the values of dcgm's Hostname/hostname label if there is
// one. Emits exactly one of finished() or failed(); a second start() while running is ignored.
class DialectProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DialectProbe)

public:
    DialectProbe(PromClient *client, QStringList nodeNames, QObject *parent = nullptr);
    ~DialectProbe() override;

    void start();
    bool isRunning() const { return m_running; }

    // The match[] selector of the first round: every family the catalogue can use.
    static QString familiesMatcher();
    // Of the families found, those whose label names decide the dialect.
    static QStringList familiesToInspect(const QStringList &families);

Q_SIGNALS:
    void finished(const Specula::Prom::Dialect &dialect);
    void failed(const Specula::Core::Error &error);

private:
    void onFamilies(const QStringList &families);
    void onLabelNames(const QString &family, const QStringList &names);
    void askHostnames();
    void finish(const QStringList &hostnameValues);
    void fail(const Core::Error &error);
    void track(PromJob *job);

    QPointer<PromClient> m_client;
    QStringList m_nodeNames;
    QStringList m_families;
    QHash<QString, QStringList> m_labelNames;
    int m_pending = 0;
    bool m_running = false;
    QList<QPointer<PromJob>> m_jobs;
};

} // namespace Specula::Prom
