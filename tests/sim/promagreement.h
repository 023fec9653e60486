// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Does the simulator's Prometheus API give the numbers a real Prometheus gives? The history of
// a MetricSet is backfilled into a real Prometheus 2.42 (PromServerFixture), the same scenario
// runs in a SimServer, and each query goes to both over HTTP; the answers are parsed with the
// client's own PromParsers and compared: the same result type, the same label sets, the same
// timestamps and values within 1e-9 relative (NaN equals NaN). Adding a query is one line in
// the caller's _data() table.

#include "../prom/promserverfixture.h"
#include "prom/promparsers.h"
#include "sim/metricset.h"
#include "sim/promapi.h"
#include "sim/simserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>
#include <cmath>

namespace Specula::SimTest {

class PromAgreement
{
public:
    // Backfills [to - history, to] at the scrape interval, for the families named (all when
    // empty), and remembers where the simulator answers (its /prometheus prefix).
    QString start(Sim::SimServer *sim, const Sim::MetricSet &metrics, qint64 toSeconds, qint64 historySeconds,
                  const QStringList &families = {})
    {
        m_sim = sim;
        QList<Test::PromPoint> points;
        const qint64 interval = metrics.scrapeInterval();
        const qint64 first = (toSeconds - historySeconds) / interval * interval;
        for (const Sim::SimFamily &family : metrics.families()) {
            if (!families.isEmpty() && !families.contains(family.name))
                continue;
            for (const Sim::SimSeries &series : family.series) {
                Prom::Labels labels = series.labels;
                labels.remove(QStringLiteral("__name__"));
                for (qint64 t = first; t <= toSeconds; t += interval) {
                    if (const std::optional<double> value = series.value(t))
                        points.append(
                            { family.name, labels, QString::fromLatin1(Sim::PromApi::formatValue(*value)), t });
                }
            }
        }
        m_points = points.size();
        if (points.isEmpty())
            return QStringLiteral("the scenario has no samples for %1").arg(families.join(QLatin1Char(',')));
        return m_prometheus.start(std::move(points), std::chrono::seconds(60));
    }

    qsizetype pointCount() const { return m_points; }
    QUrl prometheusUrl() const { return m_prometheus.url(); }

    enum Expect {
        NonEmpty = 0, // both succeed with at least one series: an agreement on nothing proves nothing
        MayBeEmpty = 1,
        SameError = 2, // both fail with the same HTTP status and message
    };

    // Empty when both agree as expected, otherwise what differs.
    QString compareInstant(const QString &query, qint64 timeMs, Expect expect = NonEmpty)
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("query"), query);
        form.addQueryItem(QStringLiteral("time"), QString::fromLatin1(Sim::PromApi::formatTimestamp(timeMs)));
        return compare(QStringLiteral("/api/v1/query"), form, expect);
    }

    QString compareRange(const QString &query, qint64 startMs, qint64 endMs, qint64 stepSeconds,
                         Expect expect = NonEmpty)
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("query"), query);
        form.addQueryItem(QStringLiteral("start"), QString::fromLatin1(Sim::PromApi::formatTimestamp(startMs)));
        form.addQueryItem(QStringLiteral("end"), QString::fromLatin1(Sim::PromApi::formatTimestamp(endMs)));
        form.addQueryItem(QStringLiteral("step"), QString::number(stepSeconds));
        return compare(QStringLiteral("/api/v1/query_range"), form, expect);
    }

    // One form POST; the HTTP status and body.
    std::pair<int, QByteArray> post(const QUrl &url, const QUrlQuery &form, bool toSimulator)
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        if (toSimulator) {
            request.setRawHeader("Authorization", "Bearer " + m_sim->bearerToken());
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(QSslCertificate::fromData(Sim::SimServer::caCertificatePem()));
            request.setSslConfiguration(tls);
        }
        request.setTransferTimeout(60000);
        // QUrlQuery leaves '+' alone, which a form body reads as a space: encode every byte.
        QByteArray body;
        const auto items = form.queryItems(QUrl::FullyDecoded);
        for (const auto &[key, value] : items) {
            if (!body.isEmpty())
                body += '&';
            body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
        }
        std::unique_ptr<QNetworkReply> reply(m_nam.post(request, body));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(65000);
        return { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() };
    }

    static QString describe(const Prom::Series &series)
    {
        QStringList values;
        for (const Prom::Sample &sample : series.samples)
            values << QString::number(sample.value, 'g', 17) + QLatin1Char('@')
                    + QString::number(sample.timestamp, 'f', 3);
        if (values.size() > 6)
            values = values.mid(0, 6) << QStringLiteral("…");
        return Test::PromServerFixture::labelText(series.labels) + QLatin1Char(' ') + values.join(QLatin1Char(' '));
    }

private:
    QString compare(const QString &path, const QUrlQuery &form, Expect expect)
    {
        const QUrl real(m_prometheus.url().toString() + path);
        const QUrl simulated(m_sim->url().toString() + QStringLiteral("/prometheus") + path);
        const auto [realStatus, realBody] = post(real, form, false);
        const auto [simStatus, simBody] = post(simulated, form, true);
        const QString query = form.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
        auto realResult = Prom::PromParsers::parseQuery(realBody, realStatus, real.toString());
        auto simResult = Prom::PromParsers::parseQuery(simBody, simStatus, simulated.toString());
        if (!realResult || !simResult) {
            if (expect == SameError && !realResult && !simResult && realStatus == simStatus
                && realResult.error().message == simResult.error().message) {
                return {};
            }
            return QStringLiteral("%1: Prometheus answered %2 %3, the simulator %4 %5")
                .arg(query)
                .arg(realStatus)
                .arg(QString::fromUtf8(realBody.left(400)))
                .arg(simStatus)
                .arg(QString::fromUtf8(simBody.left(400)));
        }
        if (expect == SameError)
            return QStringLiteral("%1: both succeeded where an error was expected").arg(query);
        Prom::QueryResult a = realResult->query;
        Prom::QueryResult b = simResult->query;
        if (a.type != b.type)
            return QStringLiteral("%1: result types %2 and %3").arg(query).arg(int(a.type)).arg(int(b.type));
        if (a.type == Prom::ResultType::Scalar) {
            a.series = { Prom::Series { {}, { a.scalar } } };
            b.series = { Prom::Series { {}, { b.scalar } } };
        }
        auto byLabels = [](const Prom::Series &x, const Prom::Series &y) {
            return Sim::PromqlEvaluator::labelsLess(x.labels, y.labels);
        };
        std::sort(a.series.begin(), a.series.end(), byLabels);
        std::sort(b.series.begin(), b.series.end(), byLabels);
        if (a.series.isEmpty() && b.series.isEmpty() && expect != MayBeEmpty)
            return QStringLiteral("%1: both answers are empty, which proves nothing").arg(query);
        QStringList differences;
        const qsizetype n = std::max(a.series.size(), b.series.size());
        for (qsizetype i = 0; i < n && differences.size() < 5; ++i) {
            const Prom::Series x = a.series.value(i);
            const Prom::Series y = b.series.value(i);
            bool same = x.labels == y.labels && x.samples.size() == y.samples.size();
            for (qsizetype j = 0; same && j < x.samples.size(); ++j)
                same = std::llround(x.samples[j].timestamp * 1000) == std::llround(y.samples[j].timestamp * 1000)
                    && close(x.samples[j].value, y.samples[j].value);
            if (!same)
                differences << QStringLiteral("  Prometheus: %1\n  simulator:  %2").arg(describe(x), describe(y));
        }
        if (differences.isEmpty())
            return {};
        return QStringLiteral("%1 (%2 and %3 series):\n%4")
            .arg(query)
            .arg(a.series.size())
            .arg(b.series.size())
            .arg(differences.join(QLatin1Char('\n')));
    }

    static bool close(double x, double y)
    {
        if (std::isnan(x) || std::isnan(y))
            return std::isnan(x) && std::isnan(y);
        if (x == y)
            return true;
        return std::abs(x - y) <= 1e-9 * std::max(std::abs(x), std::abs(y));
    }

    Sim::SimServer *m_sim = nullptr;
    Test::PromServerFixture m_prometheus;
    QNetworkAccessManager m_nam;
    qsizetype m_points = 0;
};

} // namespace Specula::SimTest
