// SPDX-License-Identifier: GPL-3.0-or-later
// Work handed off the calling thread: results come back to their context, and model builds run
// one at a time while other work runs beside them.

#include "core/offthread.h"

#include <QTest>
#include <QThread>
#include <atomic>

using namespace Specula;

namespace {

// How many of a set of tasks ran at once, at most.
struct Overlap
{
    std::atomic<int> running { 0 };
    std::atomic<int> most { 0 };

    int task()
    {
        const int now = ++running;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) { }
        QThread::msleep(30);
        --running;
        return now;
    }
};

} // namespace

class TestOffThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Room for the tasks to overlap, whatever the machine's core count.
        QThreadPool::globalInstance()->setMaxThreadCount(4);
    }

    void resultsComeBackToTheirContext()
    {
        QObject context;
        QThread *delivered = nullptr;
        int result = 0;
        Core::runOffThread(
            &context, [] { return 42; },
            [&](int value) {
                result = value;
                delivered = QThread::currentThread();
            });
        QTRY_COMPARE(result, 42);
        QCOMPARE(delivered, QThread::currentThread());
    }

    void modelBuildsRunOneAtATime()
    {
        QObject context;
        Overlap builds;
        int done = 0;
        for (int i = 0; i < 4; ++i)
            Core::buildOffThread(
                &context, [&builds] { return builds.task(); }, [&done](int) { ++done; });
        QTRY_COMPARE(done, 4);
        QCOMPARE(builds.most.load(), 1);
    }

    void otherWorkRunsBesideABuild()
    {
        QObject context;
        Overlap all;
        int done = 0;
        Core::buildOffThread(
            &context, [&all] { return all.task(); }, [&done](int) { ++done; });
        for (int i = 0; i < 3; ++i)
            Core::runOffThread(
                &context, [&all] { return all.task(); }, [&done](int) { ++done; });
        QTRY_COMPARE(done, 4);
        QVERIFY2(all.most.load() > 1, qPrintable(QString::number(all.most.load())));
    }
};

QTEST_GUILESS_MAIN(TestOffThread)
#include "tst_offthread.moc"
