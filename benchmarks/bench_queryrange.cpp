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

#ifdef Q_OS_LINUX
#include <time.h>
#endif

using namespace Specula;

namespace {

// The calling thread's CPU time; -1 where the platform has no per-thread clock here.
qint64 threadCpuMicroseconds()
{
#ifdef Q_OS_LINUX
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
#else
    return -1;
#endif
}

} // namespace

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
    const QCommandLineOption maxPoints(u"max-points"_qs, u"points per series and request (0: spread)"_qs, u"N"_qs,
                                       u"0"_qs);
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
    QElapsedTimer wall;
    // Stretches over the target are listed on stderr with when they ended, to tell which phase
    // (sending, receiving, merging, reporting) caused them.
    // A wall-clock gap also counts time the thread waited for a CPU (on a small machine that runs
    // Prometheus and the parsers too); its own CPU time within the gap is what it spent working.
    qint64 cpuAtTick = threadCpuMicroseconds();
    qint64 longestCpu = 0;
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 gap = sinceTick.restart();
        const qint64 cpu = threadCpuMicroseconds();
        const qint64 cpuMs = (cpu - cpuAtTick) / 1000;
        cpuAtTick = cpu;
        if (gap - probeMs > 50)
            std::fprintf(stderr, "main thread away %lld ms (of which on CPU %lld ms), until %lld ms\n",
                         qlonglong(gap - probeMs), qlonglong(cpuMs), qlonglong(wall.elapsed()));
        longestGap = qMax(longestGap, gap);
        longestCpu = qMax(longestCpu, cpuMs);
    });
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
        const qint64 cpu = threadCpuMicroseconds();
        longestCpu = qMax(longestCpu, (cpu - cpuAtTick) / 1000);
        std::printf("GUI thread max busy: %lld ms wall, %lld ms on CPU (longest gap between %d ms ticks)\n",
                    qlonglong(qMax<qint64>(0, longestGap - probeMs)), qlonglong(longestCpu), probeMs);
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
