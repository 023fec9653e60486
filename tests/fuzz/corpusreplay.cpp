// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a fuzz target over files (or folders of files) without libFuzzer, so every ordinary test
// run feeds each parser its corpus, plus every truncation of each input at 64 points and a
// sweep of flipped bytes: the inputs real data breaks parsers with. Exit 0 means no crash.
#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

void feed(const QByteArray &bytes)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
}

int replay(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: cannot read\n", qUtf8Printable(path));
        return 0;
    }
    const QByteArray input = file.readAll();
    feed(input);
    const qsizetype step = std::max<qsizetype>(1, input.size() / 64);
    for (qsizetype cut = 0; cut < input.size(); cut += step)
        feed(input.left(cut));
    static constexpr char replacements[] = { '\0', '"', '{', ']', ':', '\n', '\xff' };
    for (qsizetype at = 0, i = 0; at < input.size(); at += step, ++i) {
        QByteArray mutated = input;
        mutated[at] = replacements[i % sizeof(replacements)];
        feed(mutated);
    }
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    int inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                inputs += replay(it.next());
        } else {
            inputs += replay(path);
        }
    }
    std::printf("%d inputs replayed with truncations and byte flips, no crash\n", inputs);
    return inputs > 0 ? 0 : 1;
}
