// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/freedmemory.h"

#include <QFile>
#include <QTest>
#include <memory>
#include <vector>

using namespace Specula;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

// Resident memory from /proc, or -1.
qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

// 128 MiB in 2 KiB blocks, with one block in 64 kept: the freed room is full of holes that the
// allocator keeps for itself, as after a large snapshot replaced the last one.
std::vector<std::unique_ptr<char[]>> leaveHoles()
{
    constexpr int kBlock = 2048;
    std::vector<std::unique_ptr<char[]>> blocks(64 * 1024);
    for (auto &block : blocks) {
        block = std::make_unique<char[]>(kBlock);
        std::fill_n(block.get(), kBlock, char(1));
    }
    std::vector<std::unique_ptr<char[]>> kept;
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (i % 64 == 63)
            kept.push_back(std::move(blocks[i]));
    }
    return kept;
}

} // namespace

class TestFreedMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
#if !defined(__GLIBC__)
        QSKIP("only glibc keeps freed pages resident");
#elif defined(__SANITIZE_ADDRESS__)
        QSKIP("the address sanitizer has its own allocator");
#endif
        if (residentBytes() < 0)
            QSKIP("no /proc/self/status");
    }

    // A large block goes back to the system as it is freed, even after a larger one was freed
    // (which raises glibc's own threshold to its size). First of the tests: the others leave large
    // free room in the heap, which glibc fills before it maps a block of its own.
    void largeBlocksGoBackAsTheyAreFreed()
    {
        const Core::FreedMemory freed;
        const auto touched = [](qint64 size) {
            auto block = std::make_unique<char[]>(size_t(size));
            std::fill_n(block.get(), size, char(1));
            return block;
        };
        touched(16 * kMiB).reset(); // within the 32 MiB up to which glibc's threshold follows
        auto block = touched(12 * kMiB);
        const qint64 before = residentBytes();
        block.reset();
        const qint64 after = residentBytes();
        QVERIFY2(after < before - 8 * kMiB,
                 qPrintable(QStringLiteral("%1 MiB resident before, %2 after").arg(before / kMiB).arg(after / kMiB)));
    }

    void releaseNowReturnsTheFreedPages()
    {
        const auto kept = leaveHoles();
        const qint64 before = residentBytes();
        QVERIFY(Core::FreedMemory::releaseNow());
        const qint64 after = residentBytes();
        QVERIFY2(after < before - 64 * kMiB,
                 qPrintable(QStringLiteral("%1 MiB resident before, %2 after").arg(before / kMiB).arg(after / kMiB)));
        QCOMPARE(kept.back()[0], char(1));
    }

    void releaseSoonReleasesWithinSeconds()
    {
        const auto kept = leaveHoles();
        const qint64 before = residentBytes();
        Core::FreedMemory freed;
        freed.releaseSoon();
        freed.releaseSoon();
        QTRY_VERIFY_WITH_TIMEOUT(residentBytes() < before - 64 * kMiB, 10000);
        QCOMPARE(kept.front()[0], char(1));
    }

    void aCallWhileWaitingGetsALaterRelease()
    {
        using namespace std::chrono_literals;
        Core::FreedMemory freed(nullptr, 2s); // long enough to call again while it waits
        freed.releaseSoon();
        QTest::qWait(1000);
        freed.releaseSoon();
        // Freed after the first release (at two seconds), as data replaced by the work the second
        // call follows would be: the second release returns it.
        QTest::qWait(1500);
        const auto kept = leaveHoles();
        const qint64 before = residentBytes();
        QTRY_VERIFY_WITH_TIMEOUT(residentBytes() < before - 64 * kMiB, 10000);
        QCOMPARE(kept.front()[0], char(1));
    }
};

QTEST_GUILESS_MAIN(TestFreedMemory)
#include "tst_freedmemory.moc"
