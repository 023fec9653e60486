// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/tablecsv.h"
#include "model/topologymap.h"
#include "model/topologymodel.h"
#include "testsnapshots.h"

#include <QStandardItemModel>
#include <QTest>

using namespace Specula;
using Model::MapColoring;
using Model::TopologyMap;
using Model::TopologyMapOptions;
using Kind = Model::TopologyMapCell::Kind;

namespace {

int cellIndex(const Model::TopologyMapNode &node, const QString &id)
{
    for (int i = 0; i < node.cells.size(); ++i) {
        if (node.cells[i].id == id)
            return i;
    }
    return -1;
}

QStringList nodeNames(const TopologyMap &map)
{
    QStringList names;
    for (const auto &node : map.nodes())
        names.append(node.name);
    return names;
}

TopologyMap build(const Model::ClusterSnapshot &snapshot, TopologyMapOptions options = {})
{
    return TopologyMap::build(snapshot, options);
}

} // namespace

class TestTopologyMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyDeviceIsACellInItsNode()
    {
        const TopologyMap map = build(TestSnapshots::topology());
        QCOMPARE(nodeNames(map), (QStringList { u"gpu-a"_qs, u"gpu-b"_qs, u"sriov-0"_qs }));
        QCOMPARE(map.totalNodes(), 3);

        // gpu-a: GPU-0000 cut into two 1g.10gb slices, GPU-1111 whole, and a slice whose GPU no
        // source names, drawn on its own.
        const auto &a = map.nodes()[0];
        QList<std::pair<Kind, QString>> cells;
        for (const auto &cell : a.cells)
            cells.append({ cell.kind, cell.id });
        const QList<std::pair<Kind, QString>> expected { { Kind::Gpu, u"GPU-0000"_qs },
                                                         { Kind::Mig, u"MIG-aaaa"_qs },
                                                         { Kind::Mig, u"MIG-bbbb"_qs },
                                                         { Kind::Gpu, u"GPU-1111"_qs },
                                                         { Kind::Mig, u"MIG-cccc"_qs } };
        QCOMPARE(cells, expected);
        QVERIFY(a.cells[0].sliced);
        QVERIFY(!a.cells[3].sliced);
        QCOMPARE(a.cells[1].parent, 0);
        QCOMPARE(a.cells[4].parent, -1);
        QCOMPARE(a.cells[1].pods, QStringList { u"ml/train-0"_qs });
        QVERIFY(a.cells[1].held && !a.cells[2].held && a.cells[3].held && !a.cells[0].held);
        QCOMPARE(a.cells[3].label, u"GPU 1"_qs);
        QCOMPARE(a.cells[1].label, u"1g.10gb"_qs);

        // Slices lie inside their GPU, side by side, each a seventh of it.
        const QRectF gpu = a.cells[0].rect;
        for (int i : { 1, 2 })
            QVERIFY(gpu.contains(a.cells[i].rect));
        QVERIFY(a.cells[1].rect.right() <= a.cells[2].rect.left());
        QVERIFY(qAbs(a.cells[1].rect.width() + 1 - (gpu.width() - 4) / 7) < 1e-9);

        // gpu-b names no devices: one bar per GPU resource it offers, filled to its requests.
        const auto &b = map.nodes()[1];
        QCOMPARE(b.cells.size(), 2);
        QCOMPARE(b.cells[0].kind, Kind::GpuResource);
        QCOMPARE(b.cells[0].label, u"nvidia.com/mig-1g.10gb 1/7"_qs);
        QVERIFY(qAbs(b.cells[0].fill - 1.0 / 7) < 1e-12);
        QCOMPARE(b.cells[0].pods, QStringList { u"ml/notebook"_qs });
        QCOMPARE(b.cells[1].label, u"nvidia.com/mig-3g.40gb 0/2"_qs);
        QVERIFY(!b.cells[1].held);

        // sriov-0: the SR-IOV NIC with its four VFs; the plain NIC is left out.
        const auto &c = map.nodes()[2];
        QCOMPARE(c.nics.size(), 1);
        QCOMPARE(c.nics[0].name, u"ens1f0"_qs);
        QCOMPARE(c.nics[0].notCreated, 60);
        QCOMPARE(c.cells.size(), 4);
        for (const auto &cell : c.cells) {
            QCOMPARE(cell.kind, Kind::Vf);
            QCOMPARE(cell.parent, 0);
        }
        QCOMPARE(c.cells[0].pods, QStringList { u"telco/cnf-0"_qs });
        QVERIFY(c.cells[0].held && !c.cells[1].held);
    }

    void boxesDoNotOverlapAndHoldTheirCells()
    {
        const TopologyMap map = build(TestSnapshots::topology());
        for (int i = 0; i < map.nodes().size(); ++i) {
            const auto &node = map.nodes()[i];
            QVERIFY(map.bounds().contains(node.rect));
            for (const auto &cell : node.cells)
                QVERIFY(QRectF(QPointF(0, 0), node.rect.size()).contains(cell.rect));
            for (int j = i + 1; j < map.nodes().size(); ++j)
                QVERIFY(!node.rect.intersects(map.nodes()[j].rect));
        }
    }

    void keysAreTheTreesKeys()
    {
        const auto snapshot = TestSnapshots::topology();
        const TopologyMap map = build(snapshot);
        Model::TopologyModel tree;
        tree.setSnapshot(snapshot);
        int checked = 0;
        for (int node = 0; node < map.nodes().size(); ++node) {
            for (int cell = -1; cell < map.nodes()[node].cells.size(); ++cell) {
                const QString key = map.key(node, cell);
                const QModelIndex index = tree.indexOfKey(key);
                QVERIFY2(index.isValid(), qPrintable(key));
                QCOMPARE(map.find(key), std::pair(node, cell));
                ++checked;
            }
        }
        QCOMPARE(checked, 3 + 5 + 2 + 4);
        QCOMPARE(map.key(0, 1), u"cluster|node:gpu-a|gpu:GPU-0000|mig:MIG-aaaa"_qs);
        QCOMPARE(map.key(2, 0), u"cluster|node:sriov-0|pf:0000:3b:00.0|vf:0000:3b:02.0"_qs);
    }

    void aPodsKeyFindsWhatItHolds()
    {
        const TopologyMap map = build(TestSnapshots::topology());
        QCOMPARE(map.find(u"cluster|node:gpu-a|gpu:GPU-0000|mig:MIG-aaaa|pod:ml/train-0/trainer"_qs), std::pair(0, 1));
        QCOMPARE(map.find(u"cluster|node:sriov-0|pf:0000:3b:00.0|vf:0000:3b:02.0|pod:telco/cnf-0"_qs), std::pair(2, 0));
        // A PF is not a cell: its node is what shows it.
        QCOMPARE(map.find(u"cluster|node:sriov-0|pf:0000:3b:00.0"_qs), std::pair(2, -1));
        QCOMPARE(map.find(u"cluster|node:nowhere"_qs), std::pair(-1, -1));
        QCOMPARE(map.find(u"cluster"_qs), std::pair(-1, -1));
        // "gpu-a" is not "gpu-a2": keys end at a separator.
        QCOMPARE(map.find(u"cluster|node:gpu-a|gpu:GPU-00"_qs), std::pair(0, -1));
    }

    void hitFindsTheInnermostCell()
    {
        const TopologyMap map = build(TestSnapshots::topology());
        const auto &a = map.nodes()[0];
        const QPointF origin = a.rect.topLeft();
        QCOMPARE(map.hit(origin + a.cells[2].rect.center()), std::pair(0, 2)); // the slice, not its GPU
        QCOMPARE(map.hit(origin + a.cells[3].rect.center()), std::pair(0, 3));
        QCOMPARE(map.hit(origin + QPointF(3, 3)), std::pair(0, -1)); // the title
        QCOMPARE(map.hit(map.bounds().bottomRight() + QPointF(50, 50)), std::pair(-1, -1));
    }

    void searchKeepsNodesWithAMatchAndMarksIt()
    {
        const auto snapshot = TestSnapshots::topology();
        TopologyMapOptions options;
        options.search = u"CNF-0"_qs;
        TopologyMap map = build(snapshot, options);
        QCOMPARE(nodeNames(map), QStringList { u"sriov-0"_qs });
        QCOMPARE(map.totalNodes(), 3);
        const auto &vfs = map.nodes()[0].cells;
        QVERIFY(vfs[0].match);
        QVERIFY(!vfs[1].match && !vfs[2].match && !vfs[3].match);
        QVERIFY(!map.nodes()[0].match);

        options.search = u"gpu-"_qs;
        map = build(snapshot, options);
        QCOMPARE(nodeNames(map), (QStringList { u"gpu-a"_qs, u"gpu-b"_qs }));
        QVERIFY(map.nodes()[0].match);
        // Boxes are packed again: the first match sits where the first node sat.
        QCOMPARE(map.nodes()[0].rect.topLeft(), QPointF(0, 0));

        options.search = u"0000:3b:00.0"_qs; // GPU-0000's PCI bus and the PF's address
        map = build(snapshot, options);
        QCOMPARE(nodeNames(map), (QStringList { u"gpu-a"_qs, u"sriov-0"_qs }));
        QVERIFY(map.nodes()[0].cells[0].match);
    }

    void namespaceKeepsItsNodesAndFadesOtherHolders()
    {
        const auto snapshot = TestSnapshots::topology();
        TopologyMapOptions options;
        options.namespaceName = u"telco"_qs;
        TopologyMap map = build(snapshot, options);
        QCOMPARE(nodeNames(map), QStringList { u"sriov-0"_qs });
        QVERIFY(!map.nodes()[0].cells[0].faded);

        auto shared = snapshot;
        shared.nodes[2].sriov->pfs[1].vfs[1].pod = Model::PodRef { u"ml"_qs, u"infer-0"_qs, {} };
        options.namespaceName = u"ml"_qs;
        map = build(shared, options);
        QCOMPARE(nodeNames(map), (QStringList { u"gpu-a"_qs, u"gpu-b"_qs, u"sriov-0"_qs }));
        const auto &vfs = map.nodes()[2].cells;
        QVERIFY(vfs[0].faded); // telco's
        QVERIFY(!vfs[1].faded); // ml's
        QVERIFY(!vfs[2].faded); // free
    }

    void labelSelectorPicksNodes()
    {
        auto snapshot = TestSnapshots::topology();
        snapshot.nodes[0].labels
            = { { u"nvidia.com/gpu.product"_qs, u"NVIDIA-A100-SXM4-80GB"_qs }, { u"pool"_qs, u"train"_qs } };
        snapshot.nodes[1].labels = { { u"nvidia.com/gpu.product"_qs, u"NVIDIA-A100-SXM4-80GB"_qs } };
        snapshot.nodes[2].labels = { { u"pool"_qs, u"telco"_qs } };
        auto names = [&](const QString &text) {
            auto selector = Kube::LabelSelector::parse(text);
            if (!selector)
                return QStringList { selector.error().message };
            TopologyMapOptions options;
            options.selector = selector.value();
            return nodeNames(build(snapshot, options));
        };
        QCOMPARE(names(u"nvidia.com/gpu.product=NVIDIA-A100-SXM4-80GB"_qs), (QStringList { u"gpu-a"_qs, u"gpu-b"_qs }));
        QCOMPARE(names(u"pool in (train,telco),nvidia.com/gpu.product"_qs), QStringList { u"gpu-a"_qs });
        QCOMPARE(names(u"!pool"_qs), QStringList { u"gpu-b"_qs });
        QCOMPARE(names(u"pool!=train"_qs), (QStringList { u"gpu-b"_qs, u"sriov-0"_qs }));
        QCOMPARE(names(QString()), (QStringList { u"gpu-a"_qs, u"gpu-b"_qs, u"sriov-0"_qs }));
        QCOMPARE(names(u"pool="_qs), QStringList());
        QVERIFY(names(u"a b"_qs).constFirst().contains(u"invalid label selector"_qs));
    }

    void metricColouringTakesTheLatestReadings()
    {
        auto snapshot = TestSnapshots::withReadings();
        auto *gpu = TestSnapshots::device(snapshot, u"GPU-0000"_qs);
        gpu->readings.memUsedMiB = 20000;
        gpu->readings.memFreeMiB = 60000;
        gpu->readings.tempC = 71;
        TopologyMapOptions options;
        options.coloring = MapColoring::Utilization;
        TopologyMap map = build(snapshot, options);
        const auto &a = map.nodes()[0];
        QCOMPARE(a.cells[cellIndex(a, u"GPU-0000"_qs)].value, 50.0);
        QCOMPARE(a.cells[cellIndex(a, u"GPU-1111"_qs)].value, 2.0);
        QCOMPARE(a.cells[cellIndex(a, u"MIG-aaaa"_qs)].value, 1.0);
        QVERIFY(std::isnan(a.cells[cellIndex(a, u"MIG-bbbb"_qs)].value));
        QCOMPARE(a.aggregate, (50.0 + 2.0 + 1.0) / 3);
        QCOMPARE(map.scale().maximum(), 100.0);
        QVERIFY(map.describe(0, cellIndex(a, u"GPU-1111"_qs)).contains(u"Utilization: 2"_qs));

        options.coloring = MapColoring::Memory;
        map = build(snapshot, options);
        QCOMPARE(map.nodes()[0].cells[0].value, 25.0);
        options.coloring = MapColoring::Temperature;
        map = build(snapshot, options);
        QCOMPARE(map.nodes()[0].cells[0].value, 71.0);
        options.coloring = MapColoring::Power;
        map = build(snapshot, options);
        QCOMPARE(map.nodes()[0].cells[cellIndex(map.nodes()[0], u"GPU-1111"_qs)].value, 100.5);
        QVERIFY(map.scale().maximum() >= 300.0);

        // Allocation: the share of devices held, slices counted through their GPU: GPU-0000 has
        // one of two slices held, GPU-1111 is held, MIG-cccc (no GPU known) is free.
        map = build(snapshot);
        QCOMPARE(map.nodes()[0].aggregate, (0.5 + 1 + 0) / 3);
        snapshot.nodes[0].gpu->devices[4].pods.append({ u"ml"_qs, u"other"_qs, {} }); // MIG-cccc
        map = build(snapshot);
        QCOMPARE(map.nodes()[0].aggregate, (0.5 + 1 + 1) / 3);
        QCOMPARE(map.nodes()[1].aggregate, (1.0 / 7 + 0) / 2);
        QCOMPARE(map.nodes()[2].aggregate, 0.25);
    }

    // A new layout keeps the boxes of the map on screen whose node shows the same, lays out the
    // others, and comes out as a fresh layout of the new snapshot.
    void unchangedBoxesAreKept()
    {
        const auto before = TestSnapshots::withReadings();
        auto after = before;
        TestSnapshots::device(after, u"GPU-0000"_qs)->readings.utilPercent = 70; // gpu-a: a new reading
        after.pods[1].requests[u"nvidia.com/mig-1g.10gb"_qs] = 0; // gpu-b: ml/notebook no longer asks
        after.nodes[2].sriov->pfs[1].vfs[1].pod = Model::PodRef { u"telco"_qs, u"cnf-1"_qs, {} }; // sriov-0
        QCOMPARE(after.pods[1].key(), u"ml/notebook"_qs);
        const auto csv = [](const TopologyMap &map) { return Export::TableCsv::toCsv(*map.cellTable()); };
        const auto shared = [](const TopologyMap &a, const TopologyMap &b, int node) {
            return a.nodes()[node].cells.constData() == b.nodes()[node].cells.constData();
        };

        const TopologyMap first = build(before);
        const TopologyMap second = TopologyMap::build(after, {}, first);
        QCOMPARE(csv(second), csv(build(after)));
        QVERIFY(second.nodes()[1].cells[0].pods.isEmpty());
        QVERIFY(shared(second, first, 0)); // allocation shows no readings
        QVERIFY(!shared(second, first, 1)); // the pods requesting its resources changed
        QVERIFY(!shared(second, first, 2));
        QVERIFY(second.nodes()[2].cells[1].held);
        const TopologyMap third = TopologyMap::build(after, {}, second);
        for (int node = 0; node < 3; ++node)
            QVERIFY(shared(third, second, node));

        // Coloured by a metric, new readings are a change; other options share nothing.
        TopologyMapOptions utilization;
        utilization.coloring = MapColoring::Utilization;
        const TopologyMap metric = TopologyMap::build(after, utilization, build(before, utilization));
        QVERIFY(!shared(metric, first, 0));
        QCOMPARE(metric.nodes()[0].cells[0].value, 70.0);
        QCOMPARE(csv(metric), csv(build(after, utilization)));
        const TopologyMap unchanged = TopologyMap::build(after, utilization, metric);
        QVERIFY(shared(unchanged, metric, 0));
        TopologyMapOptions search;
        search.search = u"gpu"_qs;
        const TopologyMap searched = TopologyMap::build(after, search, second);
        QVERIFY(!shared(searched, second, 0));
        QVERIFY(searched.nodes()[0].match);
    }

    void namesOfTheColourings()
    {
        for (const auto coloring : TopologyMap::colorings())
            QCOMPARE(TopologyMap::fromShortName(TopologyMap::shortName(coloring)), coloring);
        QCOMPARE(TopologyMap::shortName(MapColoring::Utilization), u"util"_qs);
        QVERIFY(!TopologyMap::fromShortName(u"tensor"_qs));
    }

    void csvHasARowPerCell()
    {
        auto snapshot = TestSnapshots::withReadings();
        TopologyMapOptions options;
        options.coloring = MapColoring::Utilization;
        const QString csv = QString::fromUtf8(Export::TableCsv::toCsv(*build(snapshot, options).cellTable()));
        const QStringList lines = csv.split(u"\r\n"_qs, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 5 + 2 + 4);
        QCOMPARE(lines[0], u"Node,Kind,ID,Label,Parent,Pods,Held,Utilization"_qs);
        QCOMPARE(lines[1], u"gpu-a,gpu,GPU-0000,GPU 0,,,no,50"_qs);
        QCOMPARE(lines[2], u"gpu-a,mig,MIG-aaaa,1g.10gb,GPU-0000,ml/train-0,yes,1"_qs);
        QCOMPARE(lines[6],
                 u"gpu-b,gpu-resource,nvidia.com/mig-1g.10gb,nvidia.com/mig-1g.10gb 1/7,,ml/notebook,yes,"_qs);
        QCOMPARE(lines[8], u"sriov-0,vf,0000:3b:02.0,VF 0,0000:3b:00.0,telco/cnf-0,yes,"_qs);

        const QString allocation = QString::fromUtf8(Export::TableCsv::toCsv(*build(snapshot).cellTable()));
        QVERIFY(allocation.startsWith(u"Node,Kind,ID,Label,Parent,Pods,Held,Allocation\r\n"_qs));
        QVERIFY(allocation.contains(u"\r\nsriov-0,vf,0000:3b:02.1,VF 1,0000:3b:00.0,,no,0\r\n"_qs));
    }
};

QTEST_GUILESS_MAIN(TestTopologyMap)
#include "tst_topologymap.moc"
