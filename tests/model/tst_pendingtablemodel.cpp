// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/pendingtablemodel.h"
#include "testsnapshots.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Specula;
using Column = Model::PendingTableModel::Column;

namespace {

QString cell(const Model::PendingTableModel &model, const QString &key, Column column)
{
    return model.index(model.rowOfKey(key), column).data().toString();
}

} // namespace

class TestPendingTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsForPendingPodsThatWantDevices()
    {
        Model::PendingTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(TestSnapshots::withPending());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, Column::NameColumn).data().toString(), u"big"_qs);
        QCOMPARE(model.rowOfKey(u"ml/fpga"_qs), -1);

        QCOMPARE(cell(model, u"ml/slice"_qs, Column::WaitingColumn), u"3 h 12 min"_qs);
        QCOMPARE(cell(model, u"ml/slice"_qs, Column::FitsColumn), u"gpu-a, gpu-b"_qs);
        QCOMPARE(cell(model, u"ml/slice"_qs, Column::WhyColumn), QString());
        QCOMPARE(cell(model, u"ml/slice"_qs, Column::RequestsColumn), u"nvidia.com/mig-1g.10gb: 1"_qs);
        QCOMPARE(cell(model, u"ml/big"_qs, Column::WaitingColumn), u"1 min"_qs);
        QCOMPARE(cell(model, u"ml/big"_qs, Column::FitsColumn), u"none"_qs);
        QCOMPARE(cell(model, u"ml/big"_qs, Column::WhyColumn), u"no node has nvidia.com/mig-7g.80gb"_qs);
        QCOMPARE(cell(model, u"telco/cnf-1"_qs, Column::WaitingColumn), u"2 d 7 h"_qs);
        QCOMPARE(cell(model, u"telco/cnf-1"_qs, Column::WhyColumn),
                 u"openshift.io/intel_sriov_netdevice: 4 wanted, at most 3 free (sriov-0)"_qs);
        QCOMPARE(cell(model, u"telco/cnf-1"_qs, Column::ReasonColumn), u"Unschedulable"_qs);
        QCOMPARE(cell(model, u"telco/cnf-1"_qs, Column::MessageColumn),
                 u"0/3 nodes are available: 3 Insufficient openshift.io/intel_sriov_netdevice."_qs);
        // Sorting by waiting time uses seconds, not the text.
        QCOMPARE(model.index(model.rowOfKey(u"ml/slice"_qs), Column::WaitingColumn)
                     .data(Model::PendingTableModel::SortRole)
                     .toLongLong(),
                 11520);
    }

    void namespaceFilter()
    {
        Model::PendingTableModel model;
        model.setSnapshot(TestSnapshots::withPending(), u"telco"_qs);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, Column::NameColumn).data().toString(), u"cnf-1"_qs);
    }

    void unknownWaitReadsAsDash()
    {
        auto s = TestSnapshots::withPending();
        s.collectedAt = {};
        Model::PendingTableModel model;
        model.setSnapshot(s);
        QCOMPARE(cell(model, u"ml/big"_qs, Column::WaitingColumn), u"—"_qs);
    }

    void updatesInPlace()
    {
        Model::PendingTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto s = TestSnapshots::withPending();
        model.setSnapshot(s);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // The slice pod got scheduled; a minute later the others still wait.
        s.pods.removeIf([](const auto &p) { return p.name == u"slice"_qs; });
        s.collectedAt = s.collectedAt.addSecs(60);
        model.setSnapshot(s);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 1);
        QVERIFY(changed.size() >= 1); // waiting times moved on
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, u"ml/big"_qs, Column::WaitingColumn), u"2 min"_qs);
    }
};

QTEST_GUILESS_MAIN(TestPendingTableModel)
#include "tst_pendingtablemodel.moc"
