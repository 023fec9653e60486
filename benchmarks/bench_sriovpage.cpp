// SPDX-License-Identifier: GPL-3.0-or-later
// How long the SR-IOV page takes on a large cluster: the first snapshot, a live update, one
// frame of the allocation graph and the graph's PNG. Prints figures; asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen build/release/benchmarks/specula-bench-sriovpage [NODES]

#include "views/sriovpage.h"
#include "views/vfallocationchart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <cstdio>

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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int nodes = argc > 1 ? QByteArray(argv[1]).toInt() : 5000;
    const Model::ClusterSnapshot first = cluster(nodes, 0);
    const Model::ClusterSnapshot second = cluster(nodes, 1);

    Views::SriovPage page;
    page.resize(1400, 900);
    page.show();
    QElapsedTimer timer;

    timer.start();
    page.setSnapshot(first, true);
    const qint64 firstMs = timer.elapsed();

    timer.restart();
    page.setSnapshot(second);
    const qint64 updateMs = timer.elapsed();

    timer.restart();
    const QPixmap frame = page.chart()->viewport()->grab();
    const qint64 frameMs = timer.elapsed();

    timer.restart();
    const QImage image = page.chart()->image(1.0);
    const qint64 imageMs = timer.elapsed();

    std::printf("nodes %d, PFs %d, VFs %d\n", nodes, nodes * 2, nodes * 16);
    std::printf("first snapshot (graph, PF and VF tables): %lld ms\n", firstMs);
    std::printf("live update, a third of the VFs change holder: %lld ms\n", updateMs);
    std::printf("one frame of the graph (%dx%d): %lld ms\n", frame.width(), frame.height(), frameMs);
    std::printf("graph PNG image, every bar (%dx%d): %lld ms\n", image.width(), image.height(), imageMs);
    return 0;
}
