// SPDX-License-Identifier: GPL-3.0-or-later
// Whether the window stays responsive while it loads a large cluster (target: the GUI thread is
// never busy more than 50 ms at a time, ≤ 600 MB resident). Starts `specula-sim` with the scenario
// as a separate process on 127.0.0.1 (so that its memory and its serving are not counted), opens
// the real window and controller offscreen, connects them to it and runs a watchdog on the GUI
// thread: a timer every few milliseconds that records each gap between its runs. It runs until
// the cluster is loaded, the GPU readings and the heatmap are shown and a few live refreshes have
// been shown too, and five seconds more. Each stall is attributed to the event being delivered
// when it happened (its receiver) and to the milestones reached during it. The GUI thread's stack
// is sampled during every stall (StallSampler) and printed for those in which the thread itself
// computed more than the budget: Qt may deliver many short events in one go. Resident memory is
// sampled too, to say at which step it was highest. After that, the last snapshot is handed to
// each page on its own, to say which page costs what. Prints figures; asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen build/dev/benchmarks/specula-bench-largeload [--sim PATH]
//       [--scenario FILE] [--prometheus SPEC] [--refreshes 2] [--timeout 600] [--exit-loaded]
// --exit-loaded leaves right after reading resident memory, tearing nothing down, so that a heap
// profiler (heaptrack) reports what the loaded window holds as its "leaked" memory.
// benchmarks/large-load.sh runs it with the right environment.

#include "app/appcontroller.h"
#include "app/mainwindow.h"
#include "model/allocationtablemodel.h"
#include "model/clustersession.h"
#include "model/metricsfeed.h"
#include "model/nodetablemodel.h"
#include "model/podtablemodel.h"
#include "model/prometheussettings.h"
#include "model/viewstate.h"
#include "stallsampler.h"
#include "views/heatmappage.h"
#include "views/overviewpage.h"
#include "views/pendingpage.h"
#include "views/podspage.h"
#include "views/sriovpage.h"
#include "views/tablepage.h"
#include "views/topologypage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#ifdef Q_OS_UNIX
#include <time.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Specula;

namespace {

constexpr qint64 kStallBudgetMs = 50;
constexpr int kProbeIntervalMs = 2;
constexpr int kSettleMs = 5000; // idle time after the last refresh, before resident memory is read
constexpr int kResidentSampleMs = 250;
constexpr int kPeakSampleMs = 50;
constexpr qint64 kSampleStacksAfterMs = 20;

// VmRSS and VmHWM in MiB (resident now, and at most so far); "n/a" where /proc is not there.
QString memoryField([[maybe_unused]] const char *field)
{
#ifdef Q_OS_LINUX
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith(field))
                return QString::number(line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0, 'f', 1);
        }
    }
#endif
    return QStringLiteral("n/a");
}

// What the C library's allocator holds, to tell live data from freed blocks it keeps (glibc only).
QString allocatorFigures()
{
#if defined(__GLIBC__)
    const struct mallinfo2 info = mallinfo2();
    const auto mib = [](size_t bytes) { return QString::number(double(bytes) / (1024 * 1024), 'f', 1); };
    return QStringLiteral("%1 MiB in use, %2 MiB freed but held, %3 MiB mapped for large blocks")
        .arg(mib(info.uordblks), mib(info.fordblks), mib(info.hblkhd));
#else
    return QStringLiteral("n/a");
#endif
}

// CPU time of the calling thread in ms, to tell a GUI thread that works from one that waits for
// a core (two cores shared with the simulator and the snapshot builds); -1 where unknown.
qint64 threadCpuMs()
{
#ifdef Q_OS_UNIX
    timespec now {};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
#endif
    return -1;
}

// Times every event delivered from the event loop (outermost only: nested deliveries belong to
// the one that started them), keeping those long enough to matter for the watchdog's report.
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    struct Delivery
    {
        qint64 endMs;
        qint64 durationMs;
        QString what;
    };

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || !m_clock.isValid()) {
            ++m_depth;
            const bool result = QApplication::notify(receiver, event);
            --m_depth;
            return result;
        }
        ++m_depth;
        const qint64 start = m_clock.elapsed();
        // Read before delivery: the receiver or the event may be gone afterwards.
        const QString what = QString::fromLatin1(receiver->metaObject()->className())
            + (receiver->objectName().isEmpty() ? QString() : u" \""_qs + receiver->objectName() + u'"')
            + u", event type "_qs + QString::number(int(event->type()));
        const bool result = QApplication::notify(receiver, event);
        const qint64 duration = m_clock.elapsed() - start;
        --m_depth;
        if (duration >= 20)
            m_deliveries.append({ m_clock.elapsed(), duration, what });
        return result;
    }

    void startClock(const QElapsedTimer &clock) { m_clock = clock; }
    const QList<Delivery> &deliveries() const { return m_deliveries; }

private:
    QElapsedTimer m_clock;
    int m_depth = 0;
    QList<Delivery> m_deliveries;
};

struct Stall
{
    qint64 endMs;
    qint64 lengthMs;
    qint64 cpuMs; // of it, the GUI thread's own CPU time
};

struct Milestone
{
    qint64 atMs;
    QString what;
};

class LoadRun final : public QObject
{
public:
    LoadRun(TimedApplication *app, const QString &kubeconfig, const Model::PrometheusSettings &prometheus,
            int refreshes)
        : m_app(app)
        , m_refreshes(refreshes)
    {
        m_window.resize(1400, 900);
        m_window.show();
        m_clock.start();
        m_app->startClock(m_clock);
        m_sampler.start(m_clock, kSampleStacksAfterMs);
        m_lastProbe = 0;
        m_lastCpu = threadCpuMs();
        m_probe.setTimerType(Qt::PreciseTimer);
        m_probe.setInterval(kProbeIntervalMs);
        connect(&m_probe, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.elapsed();
            const qint64 cpu = threadCpuMs();
            const qint64 gap = now - m_lastProbe - kProbeIntervalMs;
            if (gap > 16)
                m_stalls.append({ now, gap, cpu - m_lastCpu });
            m_lastProbe = now;
            m_sampler.heartbeat(now);
            m_lastCpu = cpu;
        });
        m_probe.start();
        // VmHWM says how high resident memory went, not when: sampled to tell at which step.
        connect(&m_peakSampler, &QTimer::timeout, this, [this] {
            if (const double resident = memoryField("VmRSS:").toDouble(); resident > m_sampledPeak.mib)
                m_sampledPeak = { m_clock.elapsed(), resident };
        });
        m_peakSampler.start(kPeakSampleMs);

        connect(&m_controller, &App::AppController::loaded, this, [this] {
            mark(u"cluster loaded"_qs);
            m_loadedMs = m_clock.elapsed();
            connect(m_controller.session(), &Model::ClusterSession::snapshotReady, this, &LoadRun::onSnapshotShown);
        });
        // The heatmap is laid out from each snapshot's GPUs too; only one with Prometheus'
        // answer in it counts.
        connect(m_window.heatmapPage(), &Views::HeatmapPage::contentReady, this, [this] {
            if (const auto &data = m_window.heatmapPage()->data(); !data || !data->hasReadings())
                return;
            ++m_heatmaps;
            mark(u"heatmap with readings shown"_qs);
            advance();
        });
        Cli::ConnectionOptions options;
        options.kubeconfig = kubeconfig;
        mark(u"connect"_qs);
        m_controller.start(options, prometheus);
    }

    bool finished() const { return m_done; }
    App::MainWindow &window() { return m_window; }
    Model::ClusterSession *session() const { return m_controller.session(); }

    void report()
    {
        m_sampler.stop();
        std::printf("loaded (every kind listed, first snapshot on every page): %s\n",
                    m_loadedMs >= 0 ? qPrintable(QString::number(m_loadedMs) + u" ms"_qs) : "not reached");
        std::printf("GPU readings and heatmap shown (or Prometheus failed): %s\n",
                    m_metricsMs >= 0 ? qPrintable(QString::number(m_metricsMs) + u" ms"_qs) : "not reached");
        std::printf("%d live refreshes shown: %s\n", m_refreshes,
                    m_done ? qPrintable(QString::number(m_doneMs) + u" ms"_qs) : "not reached");
        std::printf("snapshots shown: %d; Prometheus in the last: %s\n", m_snapshots, qPrintable(m_prometheus));
        if (!m_idleResident.isEmpty()) {
            QList<double> sorted = m_idleResident;
            std::sort(sorted.begin(), sorted.end());
            std::printf("resident memory while idle (every %d ms): least %.1f MiB, median %.1f MiB, most %.1f MiB\n",
                        kResidentSampleMs, sorted.constFirst(), sorted.at(sorted.size() / 2), sorted.constLast());
        }

        if (m_sampledPeak.atMs >= 0) {
            std::printf("highest resident memory sampled (every %d ms): %.1f MiB at %lld ms, after %s\n", kPeakSampleMs,
                        m_sampledPeak.mib, m_sampledPeak.atMs, qPrintable(milestoneBefore(m_sampledPeak.atMs)));
        }

        QList<Stall> stalls = m_stalls;
        std::sort(stalls.begin(), stalls.end(), [](const Stall &a, const Stall &b) { return a.lengthMs > b.lengthMs; });
        const auto over = std::count_if(stalls.begin(), stalls.end(),
                                        [](const Stall &stall) { return stall.lengthMs > kStallBudgetMs; });
        qint64 busy = 0;
        for (const Stall &stall : stalls)
            busy += stall.lengthMs;
        qint64 longestBusy = 0;
        for (const Stall &stall : stalls)
            longestBusy = std::max(longestBusy, stall.cpuMs);
        const auto overBusy = std::count_if(stalls.begin(), stalls.end(),
                                            [](const Stall &stall) { return stall.cpuMs > kStallBudgetMs; });
        std::printf("GUI-thread stalls > %lld ms: %lld (longest %lld ms; %lld ms in stalls > 16 ms)\n", kStallBudgetMs,
                    qint64(over), stalls.isEmpty() ? 0 : stalls.constFirst().lengthMs, busy);
        std::printf("  of which the GUI thread itself computed > %lld ms: %lld (most CPU in one stall: %lld ms)\n",
                    kStallBudgetMs, qint64(overBusy), longestBusy);
        std::printf("longest stalls (ending at, length, GUI-thread CPU in it, what was delivered, milestones):\n");
        for (qsizetype i = 0; i < std::min<qsizetype>(10, stalls.size()); ++i)
            std::printf("  %7lld ms  %5lld ms  cpu %5lld ms  %s\n", stalls[i].endMs, stalls[i].lengthMs,
                        stalls[i].cpuMs, qPrintable(describe(stalls[i])));
        for (const Stall &stall : stalls) {
            if (stall.cpuMs > kStallBudgetMs) {
                std::printf("the GUI thread's stack in the stall ending at %lld ms:\n%s\n", stall.endMs,
                            qPrintable(m_sampler.report(stall.endMs - stall.lengthMs, stall.endMs)));
            }
        }
    }

private:
    void mark(const QString &what) { m_milestones.append({ m_clock.elapsed(), what }); }

    void onSnapshotShown(const Model::ClusterSnapshot &snapshot)
    {
        ++m_snapshots;
        m_lastPrometheusOk = snapshot.prometheus.state == Model::PrometheusStatus::State::Ok;
        m_prometheus = m_lastPrometheusOk ? u"ok, "_qs + snapshot.prometheus.source
            : snapshot.prometheus.state == Model::PrometheusStatus::State::Disabled
            ? u"no readings yet"_qs
            : u"unreachable: "_qs + snapshot.prometheus.error;
        mark(u"snapshot #%1 shown"_qs.arg(m_snapshots));
        advance();
    }

    // Once the readings and the heatmap are on screen (or Prometheus failed, as the snapshot
    // says), asks for `m_refreshes` refreshes, one after the other, each complete when a new
    // snapshot, the readings it asked for and, with readings, a new heatmap have been shown.
    void advance()
    {
        const bool failed = !m_lastPrometheusOk && !m_prometheus.isEmpty() && m_prometheus != u"no readings yet";
        if (m_done || (!failed && (!m_lastPrometheusOk || m_heatmaps == 0)))
            return;
        if (m_metricsMs < 0) {
            m_metricsMs = m_clock.elapsed();
            mark(failed ? u"Prometheus failed"_qs : u"readings and heatmap shown"_qs);
        } else if (m_snapshots <= m_snapshotsAtRefresh || (!failed && m_heatmaps <= m_heatmapsAtRefresh)
                   || fetchingReadings()) {
            return;
        } else if (++m_refreshesShown >= m_refreshes) {
            m_done = true;
            m_doneMs = m_clock.elapsed();
            // Resident memory is read once the window has been idle for a moment, as a user sees it.
            // The periodic refresh is paused for that: one in flight would add its answers'
            // hundred megabytes or so to some runs and not to others.
            m_window.viewState()->setRefreshInterval(std::chrono::seconds(0));
            QTimer::singleShot(kSettleMs, m_app, &QCoreApplication::quit);
            // The window hands freed pages back a moment after each change, and watch events
            // keep changing it: resident memory moves between two levels while idle.
            connect(&m_residentSampler, &QTimer::timeout, this,
                    [this] { m_idleResident.append(memoryField("VmRSS:").toDouble()); });
            m_residentSampler.start(kResidentSampleMs);
            return;
        }
        m_snapshotsAtRefresh = m_snapshots;
        m_heatmapsAtRefresh = m_heatmaps;
        mark(u"refresh requested"_qs);
        m_window.viewState()->requestRefresh();
    }

    // The readings a refresh asked for are still on their way; the snapshot that carries them
    // comes after.
    bool fetchingReadings() const
    {
        const Model::MetricsFeed *feed = m_controller.metricsFeed();
        return feed && feed->isFetching();
    }

    QString milestoneBefore(qint64 atMs) const
    {
        QString last = u"the start"_qs;
        for (const Milestone &milestone : m_milestones) {
            if (milestone.atMs <= atMs)
                last = u"[%1] at %2 ms"_qs.arg(milestone.what).arg(milestone.atMs);
        }
        return last;
    }

    QString describe(const Stall &stall) const
    {
        const qint64 begin = stall.endMs - stall.lengthMs;
        QStringList parts;
        for (const auto &delivery : m_app->deliveries()) {
            if (delivery.endMs >= begin && delivery.endMs - delivery.durationMs <= stall.endMs)
                parts.append(u"%1 (%2 ms)"_qs.arg(delivery.what).arg(delivery.durationMs));
        }
        for (const Milestone &milestone : m_milestones) {
            if (milestone.atMs >= begin && milestone.atMs <= stall.endMs)
                parts.append(u"[" + milestone.what + u"]");
        }
        return parts.join(u"; "_qs);
    }

    TimedApplication *m_app;
    App::MainWindow m_window;
    App::AppController m_controller { &m_window };
    QElapsedTimer m_clock;
    QTimer m_probe;
    StallSampler m_sampler;
    qint64 m_lastProbe = 0;
    qint64 m_lastCpu = 0;
    QList<Stall> m_stalls;
    QList<Milestone> m_milestones;
    QTimer m_peakSampler;
    struct
    {
        qint64 atMs = -1;
        double mib = 0;
    } m_sampledPeak;
    QTimer m_residentSampler;
    QList<double> m_idleResident; // MiB
    int m_refreshes;
    int m_snapshots = 0;
    int m_heatmaps = 0;
    int m_snapshotsAtRefresh = 0;
    int m_heatmapsAtRefresh = 0;
    int m_refreshesShown = 0;
    bool m_lastPrometheusOk = false;
    QString m_prometheus;
    bool m_done = false;
    qint64 m_loadedMs = -1;
    qint64 m_metricsMs = -1;
    qint64 m_doneMs = -1;
};

// The last snapshot handed to each page on its own (as a live update, then as a cluster
// switch), timed: what each page costs the GUI thread per snapshot.
void timePages(App::MainWindow &window, const Model::ClusterSnapshot &snapshot)
{
    QElapsedTimer timer;
    auto time = [&](const char *name, auto &&show) {
        for (const bool reset : { false, true }) {
            timer.start();
            show(reset);
            const qint64 direct = timer.elapsed();
            // Work a page queued for the event loop belongs to it too.
            QCoreApplication::processEvents();
            std::printf("  %-28s %-7s %5lld ms (+%lld ms queued)\n", name, reset ? "reset" : "update", direct,
                        timer.elapsed() - direct);
        }
    };
    std::printf("each page given the last snapshot on its own (work a page hands to another thread is not in"
                " these figures; the stalls above include applying its result):\n");
    time("the whole window", [&](bool reset) { window.showSnapshot(snapshot, reset); });
    // The Nodes and Pods tables build their rows off the GUI thread, then apply them on it:
    // both timed here on their own.
    auto offThread = [&](const char *name, auto &&build) {
        timer.start();
        auto rows = build();
        std::printf("  %-28s %-7s %5lld ms (off the GUI thread)\n", name, "rows", timer.elapsed());
        return rows;
    };
    auto *nodes
        = qobject_cast<Model::NodeTableModel *>(window.page(App::MainWindow::NodesPage)->proxy()->sourceModel());
    if (nodes) {
        const auto rows = offThread("Nodes", [&] { return Model::NodeTableModel::rowsOf(snapshot); });
        time("Nodes", [&](bool reset) { nodes->setRows(rows, reset); });
    }
    auto *allocation = qobject_cast<Model::AllocationTableModel *>(
        window.page(App::MainWindow::AllocationPage)->proxy()->sourceModel());
    if (allocation)
        time("Allocation", [&](bool reset) { allocation->setSnapshot(snapshot, reset); });
    time("Topology", [&](bool reset) { window.topologyPage()->showSnapshot(snapshot, reset); });
    time("SR-IOV", [&](bool reset) { window.sriovPage()->setSnapshot(snapshot, reset); });
    time("Overview", [&](bool) { window.overviewPage()->setSnapshot(snapshot); });
    time("Heatmap", [&](bool) { window.heatmapPage()->setSnapshot(snapshot); });
    time("Pending", [&](bool) { window.pendingPage()->setSnapshot(snapshot); });
    // The pods page: a text filter over a namespace filter over the table.
    auto *podsNamespaces = qobject_cast<QSortFilterProxyModel *>(window.podsPage()->proxy()->sourceModel());
    auto *pods = podsNamespaces ? qobject_cast<Model::PodTableModel *>(podsNamespaces->sourceModel()) : nullptr;
    if (pods) {
        const auto rows = offThread("Pods", [&] { return Model::PodTableModel::rowsOf(snapshot); });
        time("Pods", [&](bool reset) { pods->setRows(rows, reset); });
    }
}

} // namespace

int main(int argc, char *argv[])
{
    TimedApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Specula"));
    QCoreApplication::setApplicationName(QStringLiteral("specula-bench"));
    QCommandLineParser parser;
    const QCommandLineOption simOption(u"sim"_qs, u"The specula-sim executable"_qs, u"path"_qs,
                                       QCoreApplication::applicationDirPath() + u"/../src/app/specula-sim"_qs);
    const QCommandLineOption scenarioOption(
        u"scenario"_qs, u"The simulator's scenario (default: builtin:large with its Prometheus API as a Service)"_qs,
        u"name"_qs);
    const QCommandLineOption prometheusOption(u"prometheus"_qs, u"How the window finds Prometheus"_qs, u"spec"_qs,
                                              u"service:monitoring/prometheus-k8s:9090"_qs);
    const QCommandLineOption refreshOption(u"refreshes"_qs, u"Live refreshes to wait for"_qs, u"n"_qs, u"2"_qs);
    const QCommandLineOption timeoutOption(u"timeout"_qs, u"Seconds before giving up"_qs, u"s"_qs, u"600"_qs);
    // A heap profiler then reports what the loaded window holds as "leaked", instead of the teardown.
    const QCommandLineOption exitLoadedOption(u"exit-loaded"_qs,
                                              u"Exit right after measuring memory, tearing nothing down"_qs);
    // Live updates rebuild only the page shown, so what it is changes the figures.
    const QCommandLineOption pageOption(
        u"page"_qs, u"The page shown throughout, as Ctrl+1 … Ctrl+8 (default 1, the Overview)"_qs, u"n"_qs, u"1"_qs);
    parser.addOptions(
        { simOption, scenarioOption, prometheusOption, refreshOption, timeoutOption, exitLoadedOption, pageOption });
    parser.addHelpOption();
    parser.process(app);

    // Profiles and settings of this run stay out of the user's.
    QTemporaryDir dir;
    qputenv("SPECULA_PROFILES_FILE", dir.filePath(u"profiles.ini"_qs).toLocal8Bit());
    const QString kubeconfig = dir.filePath(u"kubeconfig"_qs);
    const int page = parser.value(pageOption).toInt();
    if (page < 1 || page > 8) {
        std::fprintf(stderr, "bench-largeload: --page: %s is not a page from 1 to 8\n",
                     qPrintable(parser.value(pageOption)));
        return 2;
    }
    const auto prometheus = Model::PrometheusSettings::parse(parser.value(prometheusOption));
    if (!prometheus) {
        std::fprintf(stderr, "bench-largeload: --prometheus: %s\n", qPrintable(prometheus.error().toString()));
        return 2;
    }
    // builtin:large declares no Prometheus; the window's metrics need one, so the benchmark's copy
    // of it serves the simulator's Prometheus API behind the usual kube-prometheus Service.
    QString scenario = parser.value(scenarioOption);
    if (scenario.isEmpty()) {
        QFile large(QStringLiteral(SPECULA_LARGE_SCENARIO));
        QFile copy(dir.filePath(u"large.yaml"_qs));
        if (!large.open(QIODevice::ReadOnly) || !copy.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "bench-largeload: cannot copy %s\n", SPECULA_LARGE_SCENARIO);
            return 1;
        }
        copy.write(large.readAll().replace(
            "\nmetrics:\n",
            "\nmetrics:\n  prometheus: {namespace: monitoring, service: prometheus-k8s, port: 9090}\n"));
        scenario = copy.fileName();
    }

    QProcess sim;
    sim.setProgram(parser.value(simOption));
    sim.setArguments({ u"--scenario"_qs, scenario, u"--tls"_qs, u"--listen"_qs, u"127.0.0.1:0"_qs,
                       u"--kubeconfig-out"_qs, kubeconfig });
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer simClock;
    simClock.start();
    sim.start();
    if (!sim.waitForStarted()) {
        std::fprintf(stderr, "bench-largeload: cannot start %s: %s\n", qPrintable(sim.program()),
                     qPrintable(sim.errorString()));
        return 1;
    }
    // The benchmark is not the product: waiting here for the simulator is fine.
    QByteArray simOutput;
    while (!simOutput.contains("ready\n")) {
        if (!sim.waitForReadyRead(600000)) {
            std::fprintf(stderr, "bench-largeload: the simulator did not get ready\n");
            return 1;
        }
        simOutput += sim.readAllStandardOutput();
    }
    std::printf("simulator %s ready in %lld ms; window process before connecting: %s MiB resident\n",
                qPrintable(scenario), simClock.elapsed(), qPrintable(memoryField("VmRSS:")));

    int status = 0;
    {
        LoadRun run(&app, kubeconfig, prometheus.value(), parser.value(refreshOption).toInt());
        run.window().showPage(App::MainWindow::Page(page - 1));
        std::printf("page shown: %d\n", page);
        QTimer::singleShot(parser.value(timeoutOption).toInt() * 1000, &app, [] {
            std::fprintf(stderr, "bench-largeload: timed out\n");
            QCoreApplication::quit();
        });
        app.exec();
        run.report();
        std::printf("resident memory: %s MiB after load (5 s idle, periodic refresh paused), %s MiB at the peak\n",
                    qPrintable(memoryField("VmRSS:")), qPrintable(memoryField("VmHWM:")));
        std::printf("allocator: %s\n", qPrintable(allocatorFigures()));
        if (parser.isSet(exitLoadedOption)) {
            sim.kill();
            sim.waitForFinished();
            std::fflush(stdout);
            std::_Exit(run.finished() ? 0 : 1);
        }
        if (run.session())
            timePages(run.window(), run.session()->snapshot());
        status = run.finished() ? 0 : 1;
    }
    sim.terminate();
    sim.waitForFinished();
    return status;
}
