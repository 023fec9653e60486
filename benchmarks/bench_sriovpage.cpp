// SPDX-License-Identifier: GPL-3.0-or-later
// How long the SR-IOV page takes on a large cluster: building the rows and bars (off the GUI
// thread), showing a first snapshot and a live update (on it), one frame of the allocation graph
// and the graph's PNG. Prints figures; asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen build/release/benchmarks/specula-bench-sriovpage [NODES]

#include "model/pftablemodel.h"
#include "model/vfallocation.h"
#include "model/vftablemodel.h"
#include "views/sriovpage.h"
#include "views/vfallocationchart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QTimer>
#include <cstdio>
#include <ctime>

using namespace Specula;

namespace {

// NODES nodes with two 64-VF PFs each, 8 VFs created on each; every third VF held by a pod.
// `generation` moves the holders, as pods come and go between two polls.
Model::ClusterSnapshot cluster(int nodes, int generation)
{
    Model::ClusterSnapshot snapshot;
    for (int n = 0; n < nodes; ++n) {
        Model::NodeSummary node;
        node.name = QStringLiteral("node-%1").arg(n, 5, 10, QLatin1Char('0'));
        Model::NodeSriov sriov;
        for (int p = 0; p < 2; ++p) {
            Model::PhysicalFunction pf;
            pf.name = QStringLiteral("ens%1f%2").arg(p + 1).arg(p);
            pf.pciAddress = QStringLiteral("0000:%1:00.0").arg(0x3b + p, 2, 16, QLatin1Char('0'));
            pf.vendor = QStringLiteral("8086");
            pf.deviceId = QStringLiteral("158b");
            pf.driver = QStringLiteral("i40e");
            pf.linkSpeedMbps = 25000;
            pf.numVfs = 8;
            pf.totalVfs = 64;
            pf.resource = p == 0 ? QStringLiteral("openshift.io/intel_sriov_netdevice")
                                 : QStringLiteral("openshift.io/intel_sriov_dpdk");
            for (int v = 0; v < 8; ++v) {
                Model::VirtualFunction vf;
                vf.vfId = v;
                vf.pciAddress = QStringLiteral("0000:%1:02.%2").arg(0x3b + p, 2, 16, QLatin1Char('0')).arg(v);
                vf.driver = QStringLiteral("iavf");
                if ((n + v + generation) % 3 == 0) {
                    vf.pod = Model::PodRef { QStringLiteral("telco"), QStringLiteral("cnf-%1-%2").arg(n).arg(v), {} };
                    vf.podInterface = QStringLiteral("net1");
                    vf.network = QStringLiteral("telco/sriov-net");
                }
                pf.vfs.append(vf);
            }
            sriov.pfs.append(pf);
        }
        node.sriov = sriov;
        snapshot.nodes.append(node);
    }
    return snapshot;
}

// Times the GUI thread while a snapshot is shown: a 1 ms timer ticks whenever the event loop is
// free, so the longest gap between two ticks is the longest time the thread was busy. On a
// machine shared with other work a gap also holds the time the thread waited for a core, so the
// thread's own CPU time in the gap is counted too.
class Watchdog
{
public:
    Watchdog()
    {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
        m_clock.start();
    }

    struct Figures
    {
        qint64 untilUpdated = 0; // from setSnapshot() to updated(), off-thread work included
        qint64 longestSlice = 0; // the longest busy slice of the GUI thread, until the page has settled
        qint64 longestCpu = 0; // the most CPU time the GUI thread used in one slice
        qint64 busy = 0; // the GUI thread's busy slices of more than 2 ms, summed
    };

    // Sets `snapshot`, waits for updated() and then `settle` ms more (queued column fitting,
    // painting).
    Figures show(Views::SriovPage &page, const Model::ClusterSnapshot &snapshot, bool reset, int settle = 500)
    {
        Figures figures;
        QEventLoop loop;
        const auto connection = QObject::connect(&page, &Views::SriovPage::updated, [&] {
            figures.untilUpdated = m_clock.elapsed() - m_start;
            loop.quit();
        });
        m_longest = 0;
        m_longestCpu = 0;
        m_busy = 0;
        m_timer.start();
        m_start = m_lastTick = m_clock.elapsed();
        m_lastCpu = threadCpuMs();
        page.setSnapshot(snapshot, reset);
        loop.exec();
        QObject::disconnect(connection);
        QTimer::singleShot(settle, &loop, &QEventLoop::quit);
        loop.exec();
        m_timer.stop();
        tick();
        figures.longestSlice = m_longest;
        figures.longestCpu = m_longestCpu;
        figures.busy = m_busy;
        return figures;
    }

private:
    static qint64 threadCpuMs()
    {
        timespec time {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
        return qint64(time.tv_sec) * 1000 + time.tv_nsec / 1000000;
    }

    void tick()
    {
        const qint64 now = m_clock.elapsed();
        const qint64 slice = now - m_lastTick;
        m_longest = std::max(m_longest, slice);
        if (slice > 2)
            m_busy += slice;
        m_lastTick = now;
        const qint64 cpu = threadCpuMs();
        m_longestCpu = std::max(m_longestCpu, cpu - m_lastCpu);
        m_lastCpu = cpu;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_start = 0;
    qint64 m_lastTick = 0;
    qint64 m_longest = 0;
    qint64 m_lastCpu = 0;
    qint64 m_longestCpu = 0;
    qint64 m_busy = 0;
};

template<class Build> qint64 timed(Build build)
{
    QElapsedTimer timer;
    timer.start();
    build();
    return timer.elapsed();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int nodes = argc > 1 ? QByteArray(argv[1]).toInt() : 5000;
    const Model::ClusterSnapshot first = cluster(nodes, 0);
    const Model::ClusterSnapshot second = cluster(nodes, 1);

    // What the page's worker thread does for each snapshot.
    const qint64 pfRowsMs = timed([&] { return Model::PfTableModel::rowsOf(first); });
    const qint64 vfRowsMs = timed([&] { return Model::VfTableModel::rowsOf(first); });
    const qint64 barsMs = timed([&] { return Model::VfAllocation::rows(first, Model::VfGrouping::Node); });

    Views::SriovPage page;
    page.resize(1400, 900);
    page.show();
    Watchdog watchdog;
    const Watchdog::Figures firstShown = watchdog.show(page, first, true);
    const Watchdog::Figures updateShown = watchdog.show(page, second, false);

    QElapsedTimer timer;
    timer.start();
    const QPixmap frame = page.chart()->viewport()->grab();
    const qint64 frameMs = timer.elapsed();

    timer.restart();
    const QImage image = page.chart()->image(1.0);
    const qint64 imageMs = timer.elapsed();

    std::printf("nodes %d, PFs %d, VFs %d\n", nodes, nodes * 2, nodes * 16);
    std::printf("off the GUI thread: PF rows %lld ms, VF rows %lld ms, graph bars %lld ms\n", pfRowsMs, vfRowsMs,
                barsMs);
    auto print = [](const char *what, const Watchdog::Figures &figures) {
        std::printf("%s: shown after %lld ms; GUI thread busy %lld ms, longest slice %lld ms (%lld ms of CPU)\n", what,
                    figures.untilUpdated, figures.busy, figures.longestSlice, figures.longestCpu);
    };
    print("first snapshot (graph, PF and VF tables)", firstShown);
    print("live update, a third of the VFs change holder", updateShown);
    std::printf("one frame of the graph (%dx%d): %lld ms\n", frame.width(), frame.height(), frameMs);
    std::printf("graph PNG image, every bar (%dx%d): %lld ms\n", image.width(), image.height(), imageMs);
    return 0;
}
