// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A real Prometheus on 127.0.0.1 with history, for any test that needs one: the samples are
// written as OpenMetrics, backfilled with `promtool tsdb create-blocks-from openmetrics`, and
// `prometheus` serves the resulting TSDB with no scrape targets.
//
// promtool's behaviour (2.42, checked here): it writes blocks for any samples it is given, also
// recent ones and time ranges shorter than 2 h (a partial block), cutting blocks at 2 h-aligned
// boundaries (--max-block-duration). Samples of one family must be contiguous and in time order
// per series, so the writer sorts them. Prometheus applies retention to backfilled blocks like
// to any others: --storage.tsdb.retention.time=30d keeps weeks of test history; its default
// (15 d) would silently drop older samples. Instant queries only see a series whose last sample
// is less than 5 min (the lookback delta) before the query time.

#include "prom/promtypes.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <chrono>
#include <memory>

namespace Specula::Test {

struct PromPoint
{
    QString name;
    Prom::Labels labels;
    QString value; // as OpenMetrics writes it: "1.5", "NaN", "+Inf", "-Inf"
    qint64 time = 0; // Unix seconds
};

// A loopback port nobody listens on right now.
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

class PromServerFixture
{
public:
    PromServerFixture() = default;
    ~PromServerFixture() { stop(); }
    Q_DISABLE_COPY_MOVE(PromServerFixture)

    // Empty on success, otherwise what went wrong (for QVERIFY2).
    QString start(QList<PromPoint> points, std::chrono::milliseconds readyTimeout = std::chrono::seconds(20))
    {
        const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (prometheus.isEmpty() || promtool.isEmpty()) {
            return QStringLiteral("prometheus and promtool must be on PATH: install the Debian package "
                                  "\"prometheus\" (scripts/setup.sh does)");
        }
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory: ") + m_dir.errorString();

        const QString history = m_dir.filePath(QStringLiteral("history.om"));
        if (QString error = writeOpenMetrics(history, std::move(points)); !error.isEmpty())
            return error;
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QProcess backfill;
        backfill.setProcessChannelMode(QProcess::MergedChannels);
        QSignalSpy backfilled(&backfill, &QProcess::finished);
        backfill.start(promtool,
                       { QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"), QStringLiteral("openmetrics"),
                         history, data });
        if (!backfilled.wait(20000))
            return QStringLiteral("promtool did not finish within 20 s: ") + QString::fromUtf8(backfill.readAll());
        if (backfill.exitStatus() != QProcess::NormalExit || backfill.exitCode() != 0)
            return QStringLiteral("promtool failed: ") + QString::fromUtf8(backfill.readAll());

        const QString config = m_dir.filePath(QStringLiteral("prometheus.yml"));
        QFile configFile(config);
        if (!configFile.open(QIODevice::WriteOnly))
            return configFile.errorString();
        configFile.write("global:\n  scrape_interval: 15s\nscrape_configs: []\n");
        configFile.close();

        // A free port can be taken between probing and binding: try a few.
        QString lastError;
        for (int attempt = 0; attempt < 3; ++attempt) {
            m_port = freeLoopbackPort();
            m_process = std::make_unique<QProcess>();
            m_process->setProcessChannelMode(QProcess::MergedChannels);
            m_process->start(prometheus,
                             { QStringLiteral("--config.file=") + config, QStringLiteral("--storage.tsdb.path=") + data,
                               QStringLiteral("--storage.tsdb.retention.time=30d"),
                               QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port) });
            lastError = waitReady(readyTimeout);
            if (lastError.isEmpty())
                return {};
            stop();
        }
        return lastError;
    }

    void stop()
    {
        if (!m_process)
            return;
        if (m_process->state() != QProcess::NotRunning) {
            QSignalSpy exited(m_process.get(), &QProcess::finished);
            m_process->terminate();
            if (!exited.wait(5000)) {
                m_process->kill();
                exited.wait(2000);
            }
        }
        m_process.reset();
    }

    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    // What Prometheus printed so far, for failure messages.
    QString log() const { return m_process ? QString::fromUtf8(m_process->peek(1 << 20)) : QString(); }

    static QString labelText(const Prom::Labels &labels)
    {
        QStringList parts;
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            QString value = it.value();
            value.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                .replace(QLatin1Char('"'), QLatin1String("\\\""))
                .replace(QLatin1Char('\n'), QLatin1String("\\n"));
            parts << it.key() + QStringLiteral("=\"") + value + QLatin1Char('"');
        }
        return parts.isEmpty() ? QString() : QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    }

private:
    static QString writeOpenMetrics(const QString &path, QList<PromPoint> points)
    {
        // Families contiguous, each series in time order, as promtool requires.
        std::stable_sort(points.begin(), points.end(), [](const PromPoint &a, const PromPoint &b) {
            if (a.name != b.name)
                return a.name < b.name;
            if (a.labels != b.labels)
                return labelText(a.labels) < labelText(b.labels);
            return a.time < b.time;
        });
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return path + QStringLiteral(": ") + file.errorString();
        QString text;
        QString family;
        for (const PromPoint &point : points) {
            if (point.name != family) {
                family = point.name;
                text += QStringLiteral("# TYPE %1 gauge\n").arg(family);
            }
            text += point.name + labelText(point.labels) + QLatin1Char(' ') + point.value + QLatin1Char(' ')
                + QString::number(point.time) + QLatin1Char('\n');
        }
        text += QStringLiteral("# EOF\n");
        file.write(text.toUtf8());
        return {};
    }

    QString waitReady(std::chrono::milliseconds timeout)
    {
        QNetworkAccessManager nam;
        QElapsedTimer elapsed;
        elapsed.start();
        while (elapsed.elapsed() < timeout.count()) {
            if (m_process->state() == QProcess::NotRunning)
                return QStringLiteral("prometheus exited: ") + QString::fromUtf8(m_process->readAll());
            QNetworkRequest request(QUrl(url().toString() + QStringLiteral("/-/ready")));
            request.setTransferTimeout(1000);
            std::unique_ptr<QNetworkReply> reply(nam.get(request));
            QSignalSpy done(reply.get(), &QNetworkReply::finished);
            done.wait(2000);
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                return {};
            QTest::qWait(100);
        }
        return QStringLiteral("prometheus on 127.0.0.1:%1 was not ready within %2 ms: %3")
            .arg(m_port)
            .arg(timeout.count())
            .arg(log());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

} // namespace Specula::Test
