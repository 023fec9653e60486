// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/topologyitem.h"
#include "model/topologymodel.h"
#include "testsnapshots.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

using namespace Specula;
using Type = Model::TopologyModel::ItemType;

namespace {

const QString kNodeA = u"cluster|node:gpu-a"_qs;
const QString kNodeB = u"cluster|node:gpu-b"_qs;
const QString kNodeC = u"cluster|node:sriov-0"_qs;
const QString kPf = kNodeC + u"|pf:0000:3b:00.0"_qs;
const QString kVf0 = kPf + u"|vf:0000:3b:02.0"_qs;

QString keyOf(const QModelIndex &index)
{
    return index.data(Model::TopologyModel::KeyRole).toString();
}

// The topology test cluster with copies of its GPU node, `nodes` in all: large enough for the
// off-thread build.
Model::ClusterSnapshot largeCluster(int nodes)
{
    Model::ClusterSnapshot s = TestSnapshots::topology();
    const Model::NodeSummary gpuNode = *s.node(u"gpu-a"_qs);
    for (int n = int(s.nodes.size()); n < nodes; ++n) {
        Model::NodeSummary copy = gpuNode;
        copy.name = u"gpu-copy-%1"_qs.arg(n, 5, 10, QLatin1Char('0'));
        s.nodes.append(copy);
    }
    std::sort(s.nodes.begin(), s.nodes.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    return s;
}

// Every item's key and texts, depth first.
QStringList dump(const Model::TopologyModel &model, const QModelIndex &parent = {})
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        lines.append(keyOf(index) + u' ' + index.data().toString() + u' ' + index.siblingAtColumn(1).data().toString());
        lines += dump(model, index);
    }
    return lines;
}

QStringList childKeys(const Model::TopologyModel &model, const QString &parentKey)
{
    const QModelIndex parent = model.indexOfKey(parentKey);
    QStringList keys;
    for (int row = 0; row < model.rowCount(parent); ++row)
        keys.append(keyOf(model.index(row, 0, parent)));
    return keys;
}

enum class Change {
    PodPhaseChanged,
    PodAdded,
    VfFreed,
    VfTaken,
    NodeRemoved,
    NodeAdded,
    GpuIndexSwapped,
    ResourceGone,
    GpusDescribed
};

} // namespace

Q_DECLARE_METATYPE(Change)

class TestTopologyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemsHaveTypeTextAndPlace_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<Type>("type");
        QTest::addColumn<QString>("parentKey");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("summaryContains");

        QTest::addRow("cluster") << u"cluster"_qs << Type::Cluster << QString() << u"lab"_qs << u"3 nodes"_qs;
        QTest::addRow("node") << kNodeA << Type::Node << u"cluster"_qs << u"gpu-a"_qs << u"MIG mixed: 2×1g.10gb"_qs;
        QTest::addRow("whole gpu") << kNodeA + u"|gpu:GPU-1111"_qs << Type::Gpu << kNodeA << u"GPU 1"_qs
                                   << u"used by ml/infer-0 · NVIDIA-A100-SXM4-80GB · 0000:86:00.0"_qs;
        QTest::addRow("gpu cut into MIG")
            << kNodeA + u"|gpu:GPU-0000"_qs << Type::Gpu << kNodeA << u"GPU 0"_qs << u"2 MIG devices, 1 in use"_qs;
        QTest::addRow("MIG under its GPU")
            << kNodeA + u"|gpu:GPU-0000|mig:MIG-aaaa"_qs << Type::MigDevice << kNodeA + u"|gpu:GPU-0000"_qs
            << u"MIG 1g.10gb #7"_qs << u"used by ml/train-0 · MIG-aaaa"_qs;
        QTest::addRow("free MIG") << kNodeA + u"|gpu:GPU-0000|mig:MIG-bbbb"_qs << Type::MigDevice
                                  << kNodeA + u"|gpu:GPU-0000"_qs << u"MIG 1g.10gb #8"_qs << u"free"_qs;
        QTest::addRow("MIG of an unknown GPU")
            << kNodeA + u"|mig:MIG-cccc"_qs << Type::MigDevice << kNodeA << u"MIG 1g.10gb #9"_qs << u"MIG-cccc"_qs;
        QTest::addRow("pod by container")
            << kNodeA + u"|gpu:GPU-0000|mig:MIG-aaaa|pod:ml/train-0/trainer"_qs << Type::Pod
            << kNodeA + u"|gpu:GPU-0000|mig:MIG-aaaa"_qs << u"ml/train-0"_qs << u"container trainer · Running"_qs;
        QTest::addRow("resource without devices")
            << kNodeB + u"|res:nvidia.com/mig-1g.10gb"_qs << Type::GpuResource << kNodeB
            << u"nvidia.com/mig-1g.10gb 1/7"_qs << u"1 requested · 7 allocatable · 6 free"_qs;
        QTest::addRow("zero resource") << kNodeB + u"|res:nvidia.com/gpu"_qs << Type::GpuResource << kNodeB
                                       << u"nvidia.com/gpu 0/0"_qs << u"0 free"_qs;
        QTest::addRow("pod requesting a resource")
            << kNodeB + u"|res:nvidia.com/mig-1g.10gb|pod:ml/notebook"_qs << Type::Pod
            << kNodeB + u"|res:nvidia.com/mig-1g.10gb"_qs << u"ml/notebook"_qs << u"requests 1"_qs;
        QTest::addRow("pf") << kPf << Type::Pf << kNodeC << u"ens1f0"_qs
                            << u"1/4 VFs in use · 0000:3b:00.0 · i40e · 25 Gb/s"_qs;
        QTest::addRow("vf in use") << kVf0 << Type::Vf << kPf << u"VF 0"_qs
                                   << u"used by telco/cnf-0 as net1 · 0000:3b:02.0 · iavf · VLAN 100"_qs;
        QTest::addRow("free vf") << kPf + u"|vf:0000:3b:02.3"_qs << Type::Vf << kPf << u"VF 3"_qs << u"free"_qs;
        QTest::addRow("pod holding a vf") << kVf0 + u"|pod:telco/cnf-0"_qs << Type::Pod << kVf0 << u"telco/cnf-0"_qs
                                          << u"net1 · telco/sriov-intel-net · Running"_qs;
    }

    void itemsHaveTypeTextAndPlace()
    {
        QFETCH(QString, key);
        QFETCH(Type, type);
        QFETCH(QString, parentKey);
        QFETCH(QString, text);
        QFETCH(QString, summaryContains);

        Model::TopologyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSnapshot(TestSnapshots::topology());

        const QModelIndex index = model.indexOfKey(key);
        QVERIFY2(index.isValid(), qPrintable(key));
        QCOMPARE(keyOf(index), key);
        QCOMPARE(Type(index.data(Model::TopologyModel::TypeRole).toInt()), type);
        QCOMPARE(keyOf(index.parent()), parentKey);
        QCOMPARE(index.data().toString(), text);
        const QString summary = index.siblingAtColumn(Model::TopologyModel::SummaryColumn).data().toString();
        QVERIFY2(summary.contains(summaryContains), qPrintable(summary));
    }

    void childrenComeInNaturalOrder()
    {
        Model::TopologyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSnapshot(TestSnapshots::topology());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(childKeys(model, u"cluster"_qs), (QStringList { kNodeA, kNodeB, kNodeC }));
        // Named devices replace the per-resource items; MIG devices sit under their GPU.
        QCOMPARE(
            childKeys(model, kNodeA),
            (QStringList { kNodeA + u"|gpu:GPU-0000"_qs, kNodeA + u"|gpu:GPU-1111"_qs, kNodeA + u"|mig:MIG-cccc"_qs }));
        // GPU-class resources only, in name order; the FPGA is no GPU.
        QCOMPARE(childKeys(model, kNodeB),
                 (QStringList { kNodeB + u"|res:nvidia.com/gpu"_qs, kNodeB + u"|res:nvidia.com/mig-1g.10gb"_qs,
                                kNodeB + u"|res:nvidia.com/mig-3g.40gb"_qs }));
        // The NIC without SR-IOV is left out of the tree.
        QCOMPARE(childKeys(model, kNodeC), (QStringList { kPf }));
        QCOMPARE(model.rowCount(model.indexOfKey(kPf)), 4);
        QCOMPARE(model.indexOfKey(kVf0 + u"|pod:telco/cnf-0"_qs).data(Model::TopologyModel::InterfaceRole).toString(),
                 u"net1"_qs);
        QCOMPARE(model.indexOfKey(kNodeB + u"|res:nvidia.com/mig-1g.10gb|pod:ml/notebook"_qs)
                     .data(Model::TopologyModel::CountRole)
                     .toInt(),
                 1);
        QCOMPARE(model.indexOfKey(kVf0).data(Model::TopologyModel::IdRole).toString(), u"0000:3b:02.0"_qs);
        QCOMPARE(model.indexOfKey(kVf0).data(Model::TopologyModel::NodeRole).toString(), u"sriov-0"_qs);
        QCOMPARE(model.itemCount(), 21);
    }

    // The comparison a sorting proxy uses orders siblings as their sort role does: by its text
    // in the name column, by its number in the summary column.
    void lessThanFollowsTheSortRole()
    {
        Model::TopologyModel model;
        model.setSnapshot(TestSnapshots::topology());
        int compared = 0;
        std::function<void(const QModelIndex &)> check = [&](const QModelIndex &parent) {
            for (int column : { int(Model::TopologyModel::NameColumn), int(Model::TopologyModel::SummaryColumn) }) {
                for (int i = 0; i < model.rowCount(parent); ++i) {
                    for (int j = 0; j < model.rowCount(parent); ++j) {
                        const QVariant a = model.index(i, column, parent).data(Model::TopologyModel::SortRole);
                        const QVariant b = model.index(j, column, parent).data(Model::TopologyModel::SortRole);
                        const bool expected = column == Model::TopologyModel::NameColumn
                            ? a.toString() < b.toString()
                            : a.toLongLong() < b.toLongLong();
                        QCOMPARE(model.lessThan(model.index(i, column, parent), model.index(j, column, parent)),
                                 expected);
                        ++compared;
                    }
                }
            }
            for (int i = 0; i < model.rowCount(parent); ++i)
                check(model.index(i, 0, parent));
        };
        check({});
        QVERIFY(compared > 20);
    }

    void snapshotChangesGiveRowSignalsNotResets_data()
    {
        QTest::addColumn<Change>("change");
        QTest::addColumn<QString>("parentKey"); // where rows go in, out or move
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("removed");
        QTest::addColumn<int>("moved");
        QTest::addColumn<QStringList>("changedKeys"); // every item whose data changed

        // The node itself is unchanged: only the pod's own summary says something new.
        QTest::addRow("pod phase changed") << Change::PodPhaseChanged << QString() << 0 << 0 << 0
                                           << QStringList { kNodeA + u"|gpu:GPU-1111|pod:ml/infer-0"_qs };
        QTest::addRow("pod added") << Change::PodAdded << kNodeB + u"|res:nvidia.com/mig-1g.10gb"_qs << 1 << 0 << 0
                                   << QStringList { kNodeB, kNodeB + u"|res:nvidia.com/mig-1g.10gb"_qs };
        QTest::addRow("vf freed") << Change::VfFreed << kVf0 << 0 << 1 << 0 << QStringList { kNodeC, kPf, kVf0 };
        QTest::addRow("vf taken") << Change::VfTaken << kPf + u"|vf:0000:3b:02.2"_qs << 1 << 0 << 0
                                  << QStringList { kNodeC, kPf, kPf + u"|vf:0000:3b:02.2"_qs };
        QTest::addRow("node removed") << Change::NodeRemoved << u"cluster"_qs << 0 << 1 << 0
                                      << QStringList { u"cluster"_qs };
        QTest::addRow("node added") << Change::NodeAdded << u"cluster"_qs << 1 << 0 << 0
                                    << QStringList { u"cluster"_qs };
        QTest::addRow("gpu indexes swapped")
            << Change::GpuIndexSwapped << kNodeA << 0 << 0 << 1
            << QStringList { kNodeA + u"|gpu:GPU-0000"_qs, kNodeA + u"|gpu:GPU-1111"_qs };
        QTest::addRow("resource gone") << Change::ResourceGone << kNodeB << 0 << 1 << 0 << QStringList {};
        // Sibling rows that change together are reported as one run.
        QTest::addRow("both gpus described anew")
            << Change::GpusDescribed << QString() << 0 << 0 << 0
            << QStringList { kNodeA + u"|gpu:GPU-0000"_qs, kNodeA + u"|gpu:GPU-1111"_qs };
    }

    void snapshotChangesGiveRowSignalsNotResets()
    {
        QFETCH(Change, change);
        QFETCH(QString, parentKey);
        QFETCH(int, inserted);
        QFETCH(int, removed);
        QFETCH(int, moved);
        QFETCH(QStringList, changedKeys);

        Model::TopologyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Model::ClusterSnapshot snapshot = TestSnapshots::topology();
        model.setSnapshot(snapshot, true);

        // Items elsewhere in the tree, held as a view holds its selection and expansion.
        const QPersistentModelIndex far(model.indexOfKey(kNodeA + u"|gpu:GPU-0000|mig:MIG-aaaa"_qs));
        const QPersistentModelIndex vf3(model.indexOfKey(kPf + u"|vf:0000:3b:02.3"_qs));
        const QPersistentModelIndex moving(model.indexOfKey(kNodeA + u"|gpu:GPU-1111"_qs));
        QVERIFY(far.isValid() && vf3.isValid() && moving.isValid());

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy insertedSpy(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removedSpy(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy movedSpy(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changedSpy(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);

        auto &nodes = snapshot.nodes;
        switch (change) {
        case Change::PodPhaseChanged:
            snapshot.pods[0].phase = u"Failed"_qs;
            break;
        case Change::PodAdded:
            nodes[1].pods.append(u"ml/notebook-2"_qs);
            snapshot.pods.append(
                TestSnapshots::pod(u"ml"_qs, u"notebook-2"_qs, u"gpu-b"_qs, { { u"nvidia.com/mig-1g.10gb"_qs, 2 } }));
            nodes[1].resources[1].requested = 3;
            break;
        case Change::VfFreed:
            nodes[2].sriov->pfs[1].vfs[0].pod.reset();
            nodes[2].sriov->pfs[1].vfs[0].podInterface.clear();
            nodes[2].sriov->pfs[1].vfs[0].network.clear();
            break;
        case Change::VfTaken:
            nodes[2].sriov->pfs[1].vfs[2].pod = Model::PodRef { u"telco"_qs, u"cnf-0"_qs, {} };
            nodes[2].sriov->pfs[1].vfs[2].podInterface = u"net2"_qs;
            break;
        case Change::NodeRemoved:
            nodes.removeAt(1);
            break;
        case Change::NodeAdded: {
            Model::NodeSummary cpu;
            cpu.name = u"cpu-0"_qs;
            cpu.ready = true;
            nodes.prepend(cpu);
            break;
        }
        case Change::GpuIndexSwapped:
            std::swap(nodes[0].gpu->devices[0].index, nodes[0].gpu->devices[1].index);
            std::swap(nodes[0].gpu->devices[0], nodes[0].gpu->devices[1]);
            break;
        case Change::ResourceGone:
            nodes[1].resources.removeAt(2);
            break;
        case Change::GpusDescribed:
            nodes[0].gpu->devices[0].pciBusId = u"0000:1b:00.0"_qs;
            nodes[0].gpu->devices[1].pciBusId = u"0000:1c:00.0"_qs;
            break;
        }
        model.setSnapshot(snapshot);

        QCOMPARE(resets.size(), 0);
        QCOMPARE(layouts.size(), 0);
        QCOMPARE(insertedSpy.size(), inserted);
        QCOMPARE(removedSpy.size(), removed);
        QCOMPARE(movedSpy.size(), moved);
        for (const QSignalSpy *spy : { &insertedSpy, &removedSpy, &movedSpy }) {
            if (!spy->isEmpty())
                QCOMPARE(keyOf(spy->constFirst().at(0).value<QModelIndex>()), parentKey);
        }
        QStringList changed;
        for (const auto &arguments : changedSpy) {
            const auto topLeft = arguments.at(0).value<QModelIndex>();
            const auto bottomRight = arguments.at(1).value<QModelIndex>();
            QCOMPARE(topLeft.parent(), bottomRight.parent());
            for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                changed.append(keyOf(topLeft.siblingAtRow(row)));
        }
        changed.sort();
        changedKeys.sort();
        QCOMPARE(changed, changedKeys);
        if (change == Change::GpusDescribed)
            QCOMPARE(changedSpy.size(), 1);

        // Untouched items keep their persistent indexes; a moved GPU takes its index along.
        QCOMPARE(keyOf(far), kNodeA + u"|gpu:GPU-0000|mig:MIG-aaaa"_qs);
        QCOMPARE(keyOf(vf3), kPf + u"|vf:0000:3b:02.3"_qs);
        QVERIFY(moving.isValid() || change == Change::NodeRemoved);
        QCOMPARE(keyOf(moving), kNodeA + u"|gpu:GPU-1111"_qs);
        if (change == Change::GpuIndexSwapped)
            QCOMPARE(moving.row(), 0);

        // The updated tree equals one built from scratch.
        Model::TopologyModel fresh;
        fresh.setSnapshot(snapshot);
        QCOMPARE(model.itemCount(), fresh.itemCount());
        for (const QString &key : { u"cluster"_qs, kNodeA, kNodeB, kNodeC, kPf, kVf0 }) {
            QCOMPARE(childKeys(model, key), childKeys(fresh, key));
            const QModelIndex a = model.indexOfKey(key);
            QCOMPARE(a.siblingAtColumn(1).data(), fresh.indexOfKey(key).siblingAtColumn(1).data());
        }

        // The same snapshot again changes nothing.
        changedSpy.clear();
        model.setSnapshot(snapshot);
        QCOMPARE(changedSpy.size(), 0);
        QCOMPARE(insertedSpy.size(), inserted);
        QCOMPARE(removedSpy.size(), removed);
    }

    void anotherClusterResets()
    {
        Model::TopologyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto snapshot = TestSnapshots::topology();
        model.setSnapshot(snapshot);
        const QPersistentModelIndex node(model.indexOfKey(kNodeA));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        snapshot.context = u"other"_qs;
        model.setSnapshot(snapshot);
        QCOMPARE(resets.size(), 1);
        QVERIFY(!node.isValid());
        QCOMPARE(model.index(0, 0).data().toString(), u"other"_qs);

        // An explicit reset is honoured too, even for the same context.
        model.setSnapshot(snapshot, true);
        QCOMPARE(resets.size(), 2);
    }

    void emptySnapshotAndEmptyNodes()
    {
        Model::TopologyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        Model::ClusterSnapshot snapshot;
        snapshot.server = u"https://127.0.0.1:1"_qs;
        model.setSnapshot(snapshot);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), u"https://127.0.0.1:1"_qs);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QVERIFY(!model.indexOfKey(u"cluster|node:none"_qs).isValid());
        QVERIFY(!model.indexOfKey(QString()).isValid());

        // Nodes appear and disappear in one go.
        model.setSnapshot(TestSnapshots::topology(), true);
        auto changed = TestSnapshots::topology();
        changed.nodes.clear();
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setSnapshot(changed);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    }

    // The tree shows no readings, so a refresh that brings only new ones builds no subtree again.
    void newReadingsAloneKeepANodesSubtree()
    {
        auto plain = TestSnapshots::topology();
        auto read = TestSnapshots::withReadings();
        TestSnapshots::device(read, u"MIG-aaaa"_qs)->pods = TestSnapshots::device(plain, u"MIG-aaaa"_qs)->pods;
        using Inputs = Model::TopologyModel::NodeInputs;
        const Inputs before { *plain.node(u"gpu-a"_qs), plain.pods };
        QVERIFY(!(read.node(u"gpu-a"_qs)->gpu == before.node.gpu));
        QVERIFY((Inputs { *read.node(u"gpu-a"_qs), plain.pods } == before));
        auto otherPods = plain.pods;
        otherPods.first().phase = u"Failed"_qs;
        QVERIFY(!(Inputs { *read.node(u"gpu-a"_qs), otherPods } == before));
    }

    // A large cluster's tree is built off the GUI thread: the same tree, shown when ready, and
    // of the snapshots given while one is built only the newest follows.
    void largeClusterIsBuiltOffTheGuiThread()
    {
        const int nodes = Model::TopologyModel::OffThreadFromNodes + 20;
        auto first = largeCluster(nodes);
        Model::TopologyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy updated(&model, &Model::TopologyModel::updated);
        model.setSnapshot(first);
        QCOMPARE(model.rowCount(), 0); // a result can only arrive through the event loop
        QVERIFY(updated.wait(20000));
        QCOMPARE(model.rowCount(model.index(0, 0)), nodes);
        QVERIFY(model.indexOfKey(u"cluster|node:gpu-copy-00100|gpu:GPU-0000"_qs).isValid());

        // Three more while the first of them is being built: the middle one is never shown.
        auto second = first;
        second.nodes[0].name = u"gpu-0-renamed"_qs;
        auto third = largeCluster(nodes + 1);
        auto fourth = largeCluster(nodes);
        fourth.nodes.removeIf([](const Model::NodeSummary &n) { return n.name == u"gpu-copy-00100"_qs; });
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        updated.clear();
        model.setSnapshot(second);
        model.setSnapshot(third);
        model.setSnapshot(fourth);
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 2, 20000);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(updated.size(), 2);
        QCOMPARE(resets.size(), 0);
        QVERIFY(!model.indexOfKey(u"cluster|node:gpu-copy-00100"_qs).isValid());
        QVERIFY(!model.indexOfKey(u"cluster|node:gpu-0-renamed"_qs).isValid());
        QCOMPARE(model.rowCount(model.index(0, 0)), nodes - 1);

        // The tree equals the one a fresh model builds from the same snapshot.
        Model::TopologyModel fresh;
        QSignalSpy freshUpdated(&fresh, &Model::TopologyModel::updated);
        fresh.setSnapshot(fourth);
        QVERIFY(freshUpdated.wait(20000));
        QCOMPARE(dump(model), dump(fresh));
    }

    // A large tree is brought up to date a slice of nodes at a time, the event loop running in
    // between, and ends up as a fresh model builds it.
    void largeClusterIsSyncedInSlices()
    {
        const int nodes = Model::TopologyModel::OffThreadFromNodes + 20;
        auto snapshot = largeCluster(nodes);
        Model::TopologyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy updated(&model, &Model::TopologyModel::updated);
        model.setSnapshot(snapshot);
        QVERIFY(updated.wait(20000));
        const QPersistentModelIndex lastGpu(
            model.indexOfKey(u"cluster|node:gpu-copy-%1|gpu:GPU-0000"_qs.arg(nodes - 1, 5, 10, QLatin1Char('0'))));
        QVERIFY(lastGpu.isValid());

        model.setSyncSliceBudget(std::chrono::milliseconds(0));
        for (auto &node : snapshot.nodes) {
            if (node.gpu && !node.gpu->devices.isEmpty())
                node.gpu->devices[0].pciBusId = u"0000:1b:00.0"_qs;
        }
        // Each turn of the event loop counts; the rows that change note the turn they change in.
        int turn = 0;
        QTimer turns;
        connect(&turns, &QTimer::timeout, this, [&turn] { ++turn; });
        turns.start(0);
        QSet<int> changeTurns;
        connect(&model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &topLeft) {
            if (topLeft.data(Model::TopologyModel::TypeRole).toInt() == int(Model::TopologyModel::ItemType::Gpu))
                changeTurns.insert(turn);
        });
        updated.clear();
        model.setSnapshot(snapshot);
        QVERIFY(updated.wait(20000));
        QCOMPARE(updated.size(), 1);
        QVERIFY2(changeTurns.size() > 10, qPrintable(u"GPU rows changed in %1 turns"_qs.arg(changeTurns.size())));
        QVERIFY(lastGpu.isValid());

        Model::TopologyModel fresh;
        QSignalSpy freshUpdated(&fresh, &Model::TopologyModel::updated);
        fresh.setSnapshot(snapshot);
        QVERIFY(freshUpdated.wait(20000));
        QCOMPARE(dump(model), dump(fresh));
        QCOMPARE(model.itemCount(), fresh.itemCount());
    }
};

QTEST_MAIN(TestTopologyModel)
#include "tst_topologymodel.moc"
