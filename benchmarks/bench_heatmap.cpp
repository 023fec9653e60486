// SPDX-License-Identifier: GPL-3.0-or-later
// The GPU heatmap at the large scenario's size: 40,000 GPUs (5,000 nodes × 8) × 240 steps.
// Times the join of the series with the snapshot, the colour levels (both off the GUI thread in
// the window), and repaints of a 1600×1000 view offscreen: scrolling a page at a time at the
// usual row height (a new image each time) and with every row in view (pixel lines holding the
// highest of ~45 rows each), once when the rows are folded anew and once repainting as is.

#include "model/heatmapdata.h"
#include "model/heatmapraster.h"
#include "views/heatmapview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QScrollBar>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace Specula;

namespace {

constexpr qint64 kStart = 1764000000;

struct Figures
{
    double median = 0;
    double max = 0;
};

Figures figures(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return { ms[ms.size() / 2], ms.back() };
}

Prom::Labels labels(const QString &node, int gpu, const QString &pod)
{
    return { { QStringLiteral("__name__"), QStringLiteral("DCGM_FI_DEV_GPU_UTIL") },
             { QStringLiteral("Hostname"), node },
             { QStringLiteral("UUID"), QStringLiteral("GPU-%1-%2").arg(node).arg(gpu) },
             { QStringLiteral("gpu"), QString::number(gpu) },
             { QStringLiteral("modelName"), QStringLiteral("NVIDIA H100 80GB HBM3") },
             { QStringLiteral("namespace"), QStringLiteral("ml") },
             { QStringLiteral("pod"), pod },
             { QStringLiteral("container"), QStringLiteral("main") } };
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times the GPU heatmap's preparation and repaints"));
    parser.addHelpOption();
    const QCommandLineOption nodesOption(QStringLiteral("nodes"), QStringLiteral("nodes of 8 GPUs"),
                                         QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption stepsOption(QStringLiteral("steps"), QStringLiteral("time steps"), QStringLiteral("N"),
                                         QStringLiteral("240"));
    const QCommandLineOption framesOption(QStringLiteral("frames"), QStringLiteral("repaints per case"),
                                          QStringLiteral("N"), QStringLiteral("60"));
    parser.addOptions({ nodesOption, stepsOption, framesOption });
    parser.process(app);
    const int nodes = parser.value(nodesOption).toInt();
    const int steps = parser.value(stepsOption).toInt();
    const int frames = std::max(3, parser.value(framesOption).toInt());
    if (nodes <= 0 || steps <= 0) {
        std::fprintf(stderr, "bench_heatmap: --nodes and --steps must be positive\n");
        return 2;
    }

    Model::ClusterSnapshot snapshot;
    Prom::CompactSeriesStore store(Prom::TimeAxis { kStart, 15, steps });
    for (int n = 0; n < nodes; ++n) {
        Model::NodeSummary node;
        node.name = QStringLiteral("node-%1").arg(n, 5, 10, QLatin1Char('0'));
        snapshot.nodes.append(node);
        for (int g = 0; g < 8; ++g) {
            const QString pod = QStringLiteral("job-%1-%2").arg(n).arg(g);
            Model::PodSummary summary;
            summary.namespaceName = QStringLiteral("ml");
            summary.name = pod;
            summary.node = node.name;
            snapshot.pods.append(summary);
            auto values = store.mutableValues(store.insert(labels(node.name, g, pod)));
            for (int s = 0; s < steps; ++s)
                values[size_t(s)] = std::fmod((n * 8 + g) * 7.0 + s * 0.9, 100.0);
        }
    }
    std::sort(snapshot.pods.begin(), snapshot.pods.end(),
              [](const Model::PodSummary &a, const Model::PodSummary &b) { return a.key() < b.key(); });

    QElapsedTimer timer;
    timer.start();
    const Model::HeatmapData data = Model::HeatmapData::build(snapshot, Prom::Metric::GpuUtil, store,
                                                              Prom::MetricCatalogue(Prom::Dialect::standard()));
    const double joinMs = timer.nsecsElapsed() / 1e6;
    std::vector<double> levelMs;
    Model::HeatmapRaster raster;
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        raster = Model::HeatmapRaster::build(data);
        levelMs.push_back(timer.nsecsElapsed() / 1e6);
    }

    Views::HeatmapView view;
    view.resize(1600, 1000);
    view.show();
    QCoreApplication::processEvents();
    view.setContent(data, raster);
    view.viewport()->repaint(); // first paint: fonts and backing store

    auto measure = [&](auto before) {
        std::vector<double> ms;
        for (int frame = 0; frame < frames; ++frame) {
            before(frame);
            timer.restart();
            view.viewport()->repaint();
            ms.push_back(timer.nsecsElapsed() / 1e6);
        }
        return figures(ms);
    };
    QScrollBar *bar = view.verticalScrollBar();
    const Figures scrolled = measure([&](int frame) { bar->setValue(frame * bar->pageStep() % bar->maximum()); });
    view.setRowHeight(view.fittingRowHeight());
    const double fitted = view.rowHeight();
    const Figures folding = measure([&](int frame) {
        // Alternating between two heights a pixel apart makes each repaint fold the rows anew.
        view.setRowHeight(fitted
                          * (frame % 2 == 0 ? 1.0 : (view.plotRect().height() - 1.0) / view.plotRect().height()));
    });
    view.setRowHeight(fitted);
    view.viewport()->repaint();
    const Figures still = measure([](int) {});
    const Figures level = figures(levelMs);

    std::printf("heatmap: %d rows x %d steps, viewport %dx%d, %d repaints per case\n", data.rowCount(), steps,
                view.viewport()->width(), view.viewport()->height(), frames);
    std::printf("join series with snapshot (off GUI thread): %.1f ms\n", joinMs);
    std::printf("precompute colour levels (off GUI thread): median %.1f ms, max %.1f ms\n", level.median, level.max);
    std::printf("repaint, scrolling by a page (%.0f px rows): median %.2f ms, max %.2f ms\n",
                Views::HeatmapView::kDefaultRowHeight, scrolled.median, scrolled.max);
    std::printf("repaint, all rows in view, folding rows anew: median %.2f ms, max %.2f ms\n", folding.median,
                folding.max);
    std::printf("repaint, all rows in view, unchanged: median %.2f ms, max %.2f ms\n", still.median, still.max);
    std::printf("target: repaint <= 16 ms\n");
    return 0;
}
