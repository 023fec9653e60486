// SPDX-License-Identifier: GPL-3.0-or-later
// The topology map at the size of the `large` scenario: laying out 5,000 nodes (off the GUI
// thread in the window) anew and again with every box kept from the last layout, handing the
// layout to the view (GUI thread), and frames of the view fitted, at the zoom where every device
// shows, and at the zoom of pod labels, while panning.
// Prints figures; asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen build/dev/benchmarks/specula-bench-topologymap [NODES]

#include "model/topologymap.h"
#include "model/topologymappainter.h"
#include "views/topologymapview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstdio>

using namespace Specula;

namespace {

// NODES nodes with eight GPUs each (every eighth node's GPUs cut into seven MIG slices), two
// SR-IOV NICs with eight VFs, and a pod on every third device, with readings.
Model::ClusterSnapshot cluster(int nodes)
{
    Model::ClusterSnapshot snapshot;
    snapshot.nodes.reserve(nodes);
    for (int n = 0; n < nodes; ++n) {
        Model::NodeSummary node;
        node.name = QStringLiteral("node-%1").arg(n, 5, 10, QLatin1Char('0'));
        node.ready = n % 97 != 0;
        Model::NodeGpu gpu;
        gpu.product = QStringLiteral("NVIDIA-H100-80GB-HBM3");
        for (int g = 0; g < 8; ++g) {
            Model::GpuDevice device;
            device.uuid = QStringLiteral("GPU-%1-%2").arg(n).arg(g);
            device.index = g;
            device.readings.utilPercent = (n * 7 + g * 13) % 100;
            if ((n + g) % 3 == 0)
                device.pods.append({ QStringLiteral("ml"), QStringLiteral("train-%1").arg(n), {} });
            gpu.devices.append(device);
            for (int m = 0; n % 8 == 0 && m < 7; ++m) {
                Model::GpuDevice slice;
                slice.uuid = QStringLiteral("MIG-%1-%2-%3").arg(n).arg(g).arg(m);
                slice.parentUuid = device.uuid;
                slice.migProfile = QStringLiteral("1g.10gb");
                slice.migInstance = m;
                gpu.devices.append(slice);
            }
        }
        node.gpu = gpu;
        Model::NodeSriov sriov;
        for (int p = 0; p < 2; ++p) {
            Model::PhysicalFunction pf;
            pf.name = QStringLiteral("ens%1f0").arg(p + 1);
            pf.pciAddress = QStringLiteral("0000:%1:00.0").arg(0x3b + p, 2, 16, QLatin1Char('0'));
            pf.numVfs = 8;
            pf.totalVfs = 64;
            for (int v = 0; v < 8; ++v) {
                Model::VirtualFunction vf;
                vf.vfId = v;
                vf.pciAddress = QStringLiteral("0000:%1:02.%2").arg(0x3b + p, 2, 16, QLatin1Char('0')).arg(v);
                if ((n + v) % 3 == 0)
                    vf.pod = Model::PodRef { QStringLiteral("telco"), QStringLiteral("cnf-%1-%2").arg(n).arg(v), {} };
                pf.vfs.append(vf);
            }
            sriov.pfs.append(pf);
        }
        node.sriov = sriov;
        snapshot.nodes.append(node);
    }
    return snapshot;
}

struct Figures
{
    double median = 0;
    double max = 0;
};

template<class Fn> Figures timed(int runs, Fn &&fn)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        fn(i);
        times.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return { times[times.size() / 2], times.last() };
}

// Frames of the view while it pans by a fifth of its width per frame.
Figures panFrames(Views::TopologyMapView &view, double zoom)
{
    view.setZoom(zoom);
    view.centerOn(view.map().bounds().center());
    QImage frame(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    return timed(20, [&](int i) {
        view.centerOn(view.mapToScene(view.viewport()->rect().center() + QPoint(i % 2 ? 320 : -320, 0)));
        QPainter painter(&frame);
        view.render(&painter);
    });
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int nodes = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5000;
    const Model::ClusterSnapshot snapshot = cluster(nodes);

    Model::TopologyMapOptions options;
    options.coloring = Model::MapColoring::Utilization;
    Model::TopologyMap map;
    const Figures layout = timed(5, [&](int) { map = Model::TopologyMap::build(snapshot, options); });
    // A live update where no node changed: every box is kept from the map on screen.
    const Figures kept = timed(5, [&](int) { Model::TopologyMap::build(snapshot, options, map); });
    int cells = 0;
    for (const auto &node : map.nodes())
        cells += int(node.cells.size());

    Views::TopologyMapView view;
    view.resize(1600, 1000);
    view.show();
    const Figures first = timed(1, [&](int) { view.setMap(map, true); });
    const Figures again = timed(5, [&](int) { view.setMap(map); });
    const Figures fitted = panFrames(view, view.zoom());
    const Figures devices = panFrames(view, Model::TopologyMapPainter::kCellsFrom + 0.05);
    const Figures labels = panFrames(view, Model::TopologyMapPainter::kLabelsFrom + 0.3);

    std::printf("topology map: %d nodes, %d cells, scene %.0f x %.0f, view 1600x1000\n", nodes, cells,
                map.bounds().width(), map.bounds().height());
    std::printf("  layout (worker thread)          median %7.1f ms  max %7.1f ms\n", layout.median, layout.max);
    std::printf("  layout again, no node changed   median %7.1f ms  max %7.1f ms\n", kept.median, kept.max);
    std::printf("  first layout into the view (GUI) %7.1f ms\n", first.median);
    std::printf("  a new layout, same nodes (GUI)  median %7.1f ms  max %7.1f ms\n", again.median, again.max);
    std::printf("  frame, whole map fitted         median %7.1f ms  max %7.1f ms\n", fitted.median, fitted.max);
    std::printf("  frame while panning, devices    median %7.1f ms  max %7.1f ms\n", devices.median, devices.max);
    std::printf("  frame while panning, pod labels median %7.1f ms  max %7.1f ms\n", labels.median, labels.max);
    return 0;
}
