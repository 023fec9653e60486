// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/nodetablemodel.h"
#include "model/podtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Specula;

namespace {

Model::NodeSummary node(const QString &name, std::initializer_list<Model::NodeResource> resources)
{
    Model::NodeSummary n;
    n.name = name;
    n.ready = true;
    n.resources = resources;
    return n;
}

Model::PodSummary pod(const QString &name, int gpus)
{
    Model::PodSummary p;
    p.namespaceName = u"ml"_qs;
    p.name = name;
    p.phase = u"Running"_qs;
    p.requests.insert(u"nvidia.com/gpu"_qs, gpus);
    return p;
}

const Model::NodeResource gpu8 { u"nvidia.com/gpu"_qs, Model::ResourceClass::Gpu, 8, 8, 2 };
const Model::NodeResource vf16 { u"openshift.io/pool"_qs, Model::ResourceClass::Sriov, 16, 16, 0 };

} // namespace

class TestTableModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodesUpdateWithRowSignalsNotResets()
    {
        Model::NodeTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Model::ClusterSnapshot first;
        first.nodes = { node(u"a"_qs, { gpu8 }), node(u"c"_qs, { gpu8 }) };
        model.setSnapshot(first, true);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(Model::NodeTableModel::FirstResourceColumn) + 1);
        QCOMPARE(model.index(0, Model::NodeTableModel::FirstResourceColumn).data().toString(), u"2 / 8"_qs);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy columnsInserted(&model, &QAbstractItemModel::columnsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        Model::ClusterSnapshot second;
        auto busier = gpu8;
        busier.requested = 7;
        second.nodes = { node(u"b"_qs, { gpu8, vf16 }), node(u"c"_qs, { busier }) };
        model.setSnapshot(second);

        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 1); // a
        QCOMPARE(inserted.size(), 1); // b
        QCOMPARE(columnsInserted.size(), 1); // openshift.io/pool
        QCOMPARE(changed.size(), 1); // c
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data().toString(), u"b"_qs);
        QCOMPARE(model.index(1, Model::NodeTableModel::FirstResourceColumn).data().toString(), u"7 / 8"_qs);
        QCOMPARE(model.index(1, Model::NodeTableModel::FirstResourceColumn + 1).data(), QVariant());
        QCOMPARE(model.index(0, Model::NodeTableModel::FirstResourceColumn + 1)
                     .data(Model::NodeTableModel::ResourceKindRole)
                     .toString(),
                 u"sriov"_qs);

        // The same snapshot again changes nothing.
        model.setSnapshot(second);
        QCOMPARE(changed.size(), 1);
    }

    void podsUpdateWithRowSignalsNotResets()
    {
        Model::PodTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Model::ClusterSnapshot first;
        first.pods = { pod(u"a"_qs, 1), pod(u"b"_qs, 2), pod(u"d"_qs, 1) };
        model.setSnapshot(first);
        QCOMPARE(model.rowCount(), 3);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        Model::ClusterSnapshot second;
        auto waiting = pod(u"e"_qs, 4);
        waiting.pending = Model::PendingReason { u"Unschedulable"_qs, u"0/3 nodes are available"_qs };
        second.pods = { pod(u"b"_qs, 2), pod(u"c"_qs, 1), pod(u"d"_qs, 1), waiting };
        model.setSnapshot(second);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(3, Model::PodTableModel::PendingColumn).data().toString(), u"0/3 nodes are available"_qs);
        QCOMPARE(model.index(1, Model::PodTableModel::RequestsColumn).data().toString(), u"nvidia.com/gpu: 1"_qs);
    }
};

QTEST_MAIN(TestTableModels)
#include "tst_tablemodels.moc"
