// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/viewstate.h"
#include "views/timerangedialog.h"
#include "views/viewstatebar.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolBar>

using namespace Specula;
using namespace std::chrono_literals;

namespace {

QStringList itemsOf(const QComboBox *box)
{
    QStringList items;
    for (int i = 0; i < box->count(); ++i)
        items.append(box->itemText(i));
    return items;
}

} // namespace

class TestViewStateBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_toolbar = std::make_unique<QToolBar>();
        m_state = std::make_unique<Model::ViewState>();
        m_bar = new Views::ViewStateBar(m_state.get(), m_toolbar.get());
    }

    void cleanup()
    {
        m_toolbar.reset();
        m_state.reset();
    }

    void pickersOfferThePresetsAndShowTheState()
    {
        QCOMPARE(itemsOf(m_bar->rangePicker()),
                 QStringList({ u"Last 15 min"_qs, u"Last 1 h"_qs, u"Last 3 h"_qs, u"Last 6 h"_qs, u"Last 12 h"_qs,
                               u"Last 1 d"_qs, u"Last 2 d"_qs, u"Last 7 d"_qs, u"Custom…"_qs }));
        QCOMPARE(m_bar->rangePicker()->currentText(), u"Last 1 h"_qs);
        QCOMPARE(itemsOf(m_bar->refreshPicker()),
                 QStringList({ u"Off"_qs, u"Every 10 s"_qs, u"Every 30 s"_qs, u"Every 1 min"_qs, u"Every 5 min"_qs }));
        QCOMPARE(m_bar->refreshPicker()->currentText(), u"Every 30 s"_qs);
        QCOMPARE(m_bar->namespacePicker()->currentText(), u"All namespaces"_qs);
    }

    void pickingSetsTheState()
    {
        QSignalSpy range(m_state.get(), &Model::ViewState::rangeChanged);
        Q_EMIT m_bar->rangePicker()->activated(m_bar->rangePicker()->findText(u"Last 6 h"_qs));
        QCOMPARE(range.size(), 1);
        QCOMPARE(m_state->span(), 6h);

        Q_EMIT m_bar->refreshPicker()->activated(0);
        QCOMPARE(m_state->refreshInterval(), 0s);

        m_bar->setNamespaces({ u"ml-team"_qs, u"telco"_qs });
        QCOMPARE(itemsOf(m_bar->namespacePicker()), QStringList({ u"All namespaces"_qs, u"ml-team"_qs, u"telco"_qs }));
        Q_EMIT m_bar->namespacePicker()->activated(2);
        QCOMPARE(m_state->namespaceFilter(), u"telco"_qs);
        Q_EMIT m_bar->namespacePicker()->activated(0);
        QCOMPARE(m_state->namespaceFilter(), QString());
    }

    void pickersFollowChangesMadeElsewhere()
    {
        // A profile switch sets the state directly.
        m_state->setSpan(15min);
        QCOMPARE(m_bar->rangePicker()->currentText(), u"Last 15 min"_qs);
        m_state->setRefreshInterval(45s); // not a preset: offered as it is
        QCOMPARE(m_bar->refreshPicker()->currentText(), u"Every 45 s"_qs);
        m_state->setNamespaceFilter(u"batch"_qs);
        QCOMPARE(m_bar->namespacePicker()->currentText(), u"batch"_qs);
        // The filtered namespace stays offered when the cluster has no pods there.
        m_bar->setNamespaces({ u"ml-team"_qs });
        QCOMPARE(itemsOf(m_bar->namespacePicker()), QStringList({ u"All namespaces"_qs, u"ml-team"_qs, u"batch"_qs }));
        QCOMPARE(m_bar->namespacePicker()->currentText(), u"batch"_qs);

        const QDateTime start(QDate(2026, 12, 1), QTime(8, 0));
        QVERIFY(m_state->setCustomRange(start, start.addSecs(7200)));
        QCOMPARE(m_bar->rangePicker()->currentText(), u"2026-12-01 08:00 – 2026-12-01 10:00"_qs);
        m_state->setSpan(1h);
        QCOMPARE(m_bar->rangePicker()->currentText(), u"Last 1 h"_qs);
        QCOMPARE(m_bar->rangePicker()->itemText(m_bar->rangePicker()->count() - 1), u"Custom…"_qs);
    }

    void refreshActionAsksForARefresh()
    {
        QAction *refresh = nullptr;
        for (QAction *action : m_toolbar->actions()) {
            if (action->text() == u"Refresh"_qs)
                refresh = action;
        }
        QVERIFY(refresh);
        QCOMPARE(refresh->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QSignalSpy requested(m_state.get(), &Model::ViewState::refreshRequested);
        refresh->trigger();
        QCOMPARE(requested.size(), 1);
    }

    void customRangeDialogRefusesAnEndBeforeTheStart()
    {
        const QDateTime start(QDate(2026, 12, 1), QTime(8, 0));
        Views::TimeRangeDialog dialog({ start, start.addSecs(3600) });
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        auto *problem = dialog.findChild<QLabel *>(u"rangeProblem"_qs);
        QVERIFY(ok->isEnabled());
        auto *end = dialog.findChild<QDateTimeEdit *>(u"rangeEnd"_qs);
        end->setDateTime(start.addSecs(-60));
        QVERIFY(!ok->isEnabled());
        QCOMPARE(problem->text(), u"The end must be after the start."_qs);
        end->setDateTime(start.addSecs(600));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.end(), start.addSecs(600));
        QCOMPARE(dialog.start(), start);
    }

private:
    std::unique_ptr<QToolBar> m_toolbar;
    std::unique_ptr<Model::ViewState> m_state;
    Views::ViewStateBar *m_bar = nullptr; // owned by the toolbar
};

QTEST_MAIN(TestViewStateBar)
#include "tst_viewstatebar.moc"
