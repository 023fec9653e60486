// SPDX-License-Identifier: GPL-3.0-or-later
// One range query through RangeQuery into a SeriesStore, timed, while a 5 ms timer on the main
// thread measures how long that thread was ever kept from its event loop (the GUI thread in the
// app). benchmarks/query-range.sh runs it next to `promtool query range`.

#include "prom/promclient.h"
#include "prom/rangequery.h"
#include "prom/seriesstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTimer>
#include <cmath>
#include <cstdio>

using namespace Specula;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times one range query into a SeriesStore"_qs);
    parser.addHelpOption();
    const QCommandLineOption url(u"url"_qs, u"Prometheus base URL (loopback)"_qs, u"URL"_qs);
    const QCommandLineOption expr(u"expr"_qs, u"PromQL; repeat to shard the series set"_qs, u"EXPR"_qs);
    const QCommandLineOption start(u"start"_qs, u"Unix seconds"_qs, u"T"_qs);
    const QCommandLineOption end(u"end"_qs, u"Unix seconds"_qs, u"T"_qs);
    const QCommandLineOption step(u"step"_qs, u"seconds"_qs, u"S"_qs, u"30"_qs);
    const QCommandLineOption maxPoints(u"max-points"_qs, u"points per series and request"_qs, u"N"_qs,
                                       QString::number(Prom::RangeQuery::defaultMaxPointsPerRequest));
    const QCommandLineOption concurrency(u"concurrency"_qs, u"requests in flight"_qs, u"N"_qs,
                                         QString::number(Prom::RangeQuery::defaultMaxConcurrent));
    const QCommandLineOption identity(u"identity"_qs, u"ask for uncompressed answers (no gzip)"_qs);
    parser.addOptions({ url, expr, start, end, step, maxPoints, concurrency, identity });
    parser.process(app);
    if (!parser.isSet(url) || !parser.isSet(expr) || !parser.isSet(start) || !parser.isSet(end)) {
        std::fprintf(stderr, "bench_queryrange: --url, --expr, --start and --end are required\n");
        return 2;
    }

    QNetworkAccessManager nam;
    Prom::PromEndpoint endpoint = Prom::PromEndpoint::direct(QUrl(parser.value(url)));
    // Prometheus gzips answers when asked, as Qt does by default; on loopback that costs the
    // server more time than it saves.
    endpoint.context.disableCompression = parser.isSet(identity);
    Prom::PromClient client(&nam, endpoint);
    const Prom::TimeAxis axis {
        parser.value(start).toLongLong(), parser.value(step).toLongLong(),
        int((parser.value(end).toLongLong() - parser.value(start).toLongLong()) / parser.value(step).toLongLong() + 1)
    };
    auto *query = new Prom::RangeQuery(&client, parser.values(expr), axis);
    query->setMaxPointsPerRequest(parser.value(maxPoints).toInt());
    query->setMaxConcurrent(parser.value(concurrency).toInt());

    // The probe: the longest time between two ticks, less the interval, is the longest the main
    // thread was busy with something else.
    constexpr int probeMs = 5;
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(probeMs);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] { longestGap = qMax(longestGap, sinceTick.restart()); });

    QElapsedTimer wall;
    int exitCode = 0;
    const int requests = int(Prom::RangePlan::plan(parser.values(expr), axis, query->maxPointsPerRequest()).size());
    QObject::connect(query, &Prom::RangeQuery::finished, &app, [&](const Prom::SeriesStore &store) {
        const qint64 ms = wall.elapsed();
        longestGap = qMax(longestGap, sinceTick.elapsed());
        probe.stop();
        qint64 points = 0;
        for (int id = 0; id < store.seriesCount(); ++id) {
            for (const double value : store.values(id))
                points += std::isnan(value) ? 0 : 1;
        }
        std::printf("series %d, points %lld, steps %d, requests %d, max in flight %d, %lld ms\n", store.seriesCount(),
                    qlonglong(points), store.axis().count, requests, query->maxInFlight(), qlonglong(ms));
        std::printf("GUI thread max busy: %lld ms (longest gap between %d ms ticks: %lld ms)\n",
                    qlonglong(qMax<qint64>(0, longestGap - probeMs)), probeMs, qlonglong(longestGap));
        if (!store.warnings().isEmpty())
            std::printf("warnings: %s\n", qPrintable(store.warnings().join(u"; "_qs)));
        QCoreApplication::exit(0);
    });
    QObject::connect(query, &Prom::RangeQuery::failed, &app, [&](const Core::Error &error) {
        std::fprintf(stderr, "bench_queryrange: %s\n", qPrintable(error.toString()));
        exitCode = 1;
        QCoreApplication::exit(1);
    });
    QTimer::singleShot(0, &app, [&] {
        wall.start();
        sinceTick.start();
        probe.start();
        query->start();
    });
    const int code = app.exec();
    return exitCode != 0 ? exitCode : code;
}
