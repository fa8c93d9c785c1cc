<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an Atom or RSS 2.0 feed opened in a browser as a page that explains
  what a feed is, instead of a screen of XML. XSLT 1.0: that is all browsers run.
  Summaries are escaped HTML; disable-output-escaping is ignored by Firefox,
  so they are shown as plain text with the tags taken out.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">

  <xsl:output method="html" encoding="UTF-8" indent="yes"
      doctype-system="about:legacy-compat"/>

  <xsl:variable name="summary-length" select="300"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="atom:feed/atom:title | rss/channel/title"/>
    <xsl:variable name="subtitle"
        select="atom:feed/atom:subtitle | rss/channel/description"/>
    <xsl:variable name="self"
        select="atom:feed/atom:link[@rel='self']/@href
                | rss/channel/atom:link[@rel='self']/@href"/>
    <xsl:variable name="site"
        select="atom:feed/atom:link[@rel='alternate']/@href | rss/channel/link"/>
    <html lang="ru">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Лента «<xsl:value-of select="$title"/>»</title>
        <style>
          body { max-width: 46rem; margin: 0 auto; padding: 1rem;
                 font: 1.125rem/1.5 system-ui, sans-serif; color: #1a1a1a; }
          .about { padding: 1rem; border: 2px solid #1f4e8c; border-radius: .5rem; }
          code { display: block; overflow-wrap: anywhere; padding: .5rem;
                 background: #eef2f8; font-size: 1rem; }
          a { color: #1f4e8c; }
          li { margin-bottom: 1.25rem; }
          time { color: #555; }
        </style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="$subtitle"/></p>
          <section class="about" aria-labelledby="about-title">
            <h2 id="about-title">Что это за страница</h2>
            <p>Это лента новостей для программ чтения RSS: в ней появляются
              новые публикации сайта. Читать её удобнее не в браузере,
              а в программе или приложении для чтения лент
              (например, в почтовой программе или в RSS-ридере).</p>
            <p>Чтобы подписаться, скопируйте этот адрес и добавьте его
              в программу чтения лент:</p>
            <code><xsl:value-of select="$self"/></code>
            <p><a href="{$site}">Перейти на сайт</a></p>
          </section>
          <h2>Последние публикации</h2>
          <ul>
            <xsl:apply-templates select="atom:feed/atom:entry | rss/channel/item"/>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry | item">
    <li>
      <h3>
        <a href="{atom:link[@rel='alternate']/@href | link}">
          <xsl:value-of select="atom:title | title"/>
        </a>
      </h3>
      <xsl:apply-templates select="atom:published | pubDate"/>
      <xsl:variable name="stripped">
        <xsl:call-template name="strip-tags">
          <xsl:with-param name="html" select="atom:summary | description"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="text" select="normalize-space($stripped)"/>
      <p>
        <xsl:value-of select="substring($text, 1, $summary-length)"/>
        <xsl:if test="string-length($text) &gt; $summary-length">…</xsl:if>
      </p>
    </li>
  </xsl:template>

  <!-- 2021-03-04T11:00:00+03:00 -->
  <xsl:template match="atom:published">
    <time datetime="{.}">
      <xsl:value-of
          select="concat(substring(., 9, 2), '.', substring(., 6, 2), '.', substring(., 1, 4))"/>
    </time>
  </xsl:template>

  <!-- Thu, 04 Mar 2021 11:00:00 +0300 -->
  <xsl:template match="pubDate">
    <xsl:variable name="month"
        select="(string-length(substring-before(
                   'JanFebMarAprMayJunJulAugSepOctNovDec', substring(., 9, 3))) div 3) + 1"/>
    <time>
      <xsl:value-of
          select="concat(substring(., 6, 2), '.', format-number($month, '00'), '.', substring(., 13, 4))"/>
    </time>
  </xsl:template>

  <!-- Each tag becomes a space, so that paragraphs do not run together. -->
  <xsl:template name="strip-tags">
    <xsl:param name="html"/>
    <xsl:choose>
      <xsl:when test="contains($html, '&lt;')">
        <xsl:call-template name="decode-entities">
          <xsl:with-param name="text" select="substring-before($html, '&lt;')"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="strip-tags">
          <xsl:with-param name="html"
              select="substring-after(substring-after($html, '&lt;'), '&gt;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="decode-entities">
          <xsl:with-param name="text" select="$html"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The escapes HTML serialisers write into text; &amp; last. -->
  <xsl:template name="decode-entities">
    <xsl:param name="text"/>
    <xsl:call-template name="replace">
      <xsl:with-param name="text">
        <xsl:call-template name="replace">
          <xsl:with-param name="text">
            <xsl:call-template name="replace">
              <xsl:with-param name="text" select="$text"/>
              <xsl:with-param name="from" select="'&amp;lt;'"/>
              <xsl:with-param name="to" select="'&lt;'"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="from" select="'&amp;gt;'"/>
          <xsl:with-param name="to" select="'&gt;'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="from" select="'&amp;amp;'"/>
      <xsl:with-param name="to" select="'&amp;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="concat(substring-before($text, $from), $to)"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
