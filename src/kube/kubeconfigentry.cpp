// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/kubeconfigentry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Specula::Kube {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QString describe(const YAML::Node &node)
{
    if (node.IsMap())
        return QStringLiteral("a map");
    if (node.IsSequence())
        return QStringLiteral("a list");
    return QStringLiteral("\"%1\"").arg(fromStd(node.Scalar()));
}

} // namespace

KubeConfigEntry::KubeConfigEntry(QString kind, QString name, QString file, YAML::Node body, int line)
    : m_kind(std::move(kind))
    , m_name(std::move(name))
    , m_file(std::move(file))
    , m_body(std::move(body))
    , m_line(line)
{ }

QString KubeConfigEntry::directory() const
{
    return QFileInfo(m_file).absolutePath();
}

YAML::Node KubeConfigEntry::node(const char *key) const
{
    // Indexing a const node never inserts; only maps can be indexed at all.
    const YAML::Node &body = m_body;
    if (!body.IsDefined() || !body.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node value = body[key];
    if (!value.IsDefined())
        return YAML::Node(YAML::NodeType::Undefined);
    return value;
}

bool KubeConfigEntry::has(const char *key) const
{
    const YAML::Node value = node(key);
    return value.IsDefined() && !value.IsNull();
}

int KubeConfigEntry::lineOf(const char *key) const
{
    const YAML::Node value = node(key);
    if (value.IsDefined() && value.Mark().line >= 0)
        return value.Mark().line + 1;
    return m_line;
}

QString KubeConfigEntry::where(const QString &file, int line)
{
    return line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file;
}

Core::Error KubeConfigEntry::error(const char *key, const QString &message) const
{
    return Core::Error {
        Core::Error::Kind::Config,
        QStringLiteral("%1 \"%2\": %3: %4").arg(m_kind, m_name, m_prefix + QLatin1String(key), message),
        where(m_file, lineOf(key)),
        0,
        {}
    };
}

KubeConfigEntry KubeConfigEntry::child(const char *key) const
{
    KubeConfigEntry entry(m_kind, m_name, m_file, node(key), lineOf(key));
    entry.m_prefix = m_prefix + QLatin1String(key) + QLatin1Char('.');
    return entry;
}

QJsonValue KubeConfigEntry::toJson(const YAML::Node &node)
{
    if (!node.IsDefined() || node.IsNull())
        return QJsonValue::Null;
    if (node.IsSequence()) {
        QJsonArray array;
        for (const auto &item : node)
            array.append(toJson(item));
        return array;
    }
    if (node.IsMap()) {
        QJsonObject object;
        for (const auto &item : node)
            object.insert(fromStd(item.first.IsScalar() ? item.first.Scalar() : YAML::Dump(item.first)),
                          toJson(item.second));
        return object;
    }
    const QString text = fromStd(node.Scalar());
    if (node.Tag() == "!")
        return text; // quoted: always text
    bool flag = false;
    if (YAML::convert<bool>::decode(node, flag))
        return flag;
    bool isNumber = false;
    const qlonglong integer = text.toLongLong(&isNumber);
    if (isNumber)
        return integer;
    const double number = text.toDouble(&isNumber);
    if (isNumber)
        return number;
    return text;
}

Core::Error KubeConfigEntry::error(const QString &message) const
{
    return Core::Error { Core::Error::Kind::Config,
                         QStringLiteral("%1 \"%2\": %3").arg(m_kind, m_name, message),
                         where(m_file, m_line),
                         0,
                         {} };
}

Core::Result<QString> KubeConfigEntry::string(const char *key) const
{
    const YAML::Node value = node(key);
    if (!value.IsDefined() || value.IsNull())
        return QString();
    if (!value.IsScalar())
        return error(key, QStringLiteral("expected text, found %1").arg(describe(value)));
    return fromStd(value.Scalar());
}

Core::Result<bool> KubeConfigEntry::boolean(const char *key, bool fallback) const
{
    const YAML::Node value = node(key);
    if (!value.IsDefined() || value.IsNull())
        return fallback;
    bool result = false;
    // YAML 1.1 booleans, as kubectl's YAML reader accepts them (true/false/yes/no/on/off).
    if (!value.IsScalar() || !YAML::convert<bool>::decode(value, result))
        return error(key, QStringLiteral("expected true or false, found %1").arg(describe(value)));
    return result;
}

Core::Result<QByteArray> KubeConfigEntry::base64(const char *key) const
{
    const auto text = string(key);
    if (!text)
        return text.error();
    const QString trimmed = text->trimmed();
    if (trimmed == QLatin1String("DATA+OMITTED") || trimmed == QLatin1String("REDACTED")) {
        return error(key,
                     QStringLiteral("\"%1\" is the placeholder that `kubectl config view` prints instead of the data; "
                                    "export the file with `kubectl config view --raw`")
                         .arg(trimmed));
    }
    QByteArray compact;
    for (const QChar c : trimmed) {
        if (c.isSpace())
            continue; // Go's decoder skips line breaks too
        const char l = c.toLatin1();
        const bool alphabet = (l >= 'A' && l <= 'Z') || (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '+'
            || l == '/' || l == '=';
        if (!alphabet)
            return error(key, QStringLiteral("is not valid base64 (unexpected character '%1')").arg(c));
        compact.append(l);
    }
    const auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    if ((compact.size() % 4) != 0 || !decoded)
        return error(key, QStringLiteral("is not valid base64 (bad length or padding)"));
    return *decoded;
}

Core::Result<QStringList> KubeConfigEntry::stringList(const char *key) const
{
    const YAML::Node value = node(key);
    if (!value.IsDefined() || value.IsNull())
        return QStringList();
    if (!value.IsSequence())
        return error(key, QStringLiteral("expected a list, found %1").arg(describe(value)));
    QStringList result;
    for (const auto &item : value) {
        if (!item.IsScalar())
            return error(key, QStringLiteral("expected a list of text, found %1 in it").arg(describe(item)));
        result.append(fromStd(item.Scalar()));
    }
    return result;
}

QString KubeConfigEntry::resolvePath(const QString &path) const
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return QDir::cleanPath(QDir(directory()).absoluteFilePath(path));
}

Core::Result<QByteArray> KubeConfigEntry::readFile(const char *key, const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return error(key, QStringLiteral("cannot read \"%1\": %2").arg(path, file.errorString()));
    return file.readAll();
}

} // namespace Specula::Kube
