import { readFile } from 'node:fs/promises';

import { Controller, Get, NotFoundException, Param, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { OperatorListenerOnly } from '@payments/runtime';

import { type ConsoleAsset, consoleAssets } from './console-assets';

/**
 * Scripts, styles, data and connections from this origin only; no inline script or style, no
 * plugin, no framing by anyone (clickjacking), forms post here only.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The operators' web console: one page and its files, on the operator port only (a plain 404 on
 * the register port). The page calls the operator API with the session cookie; it holds no data.
 */
@ApiExcludeController()
@OperatorListenerOnly()
@Controller('console')
export class ConsoleController {
  private readonly assets = consoleAssets();
  private readonly cache = new Map<ConsoleAsset, Buffer>();

  @Get()
  page(@Res() response: Response): Promise<void> {
    return this.send(response, this.assets.get('index.html')!);
  }

  @Get(':file')
  file(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const asset = this.assets.get(file);
    if (!asset) throw new NotFoundException(`the console has no ${file}`);
    return this.send(response, asset);
  }

  private async send(response: Response, asset: ConsoleAsset): Promise<void> {
    let body = this.cache.get(asset);
    if (!body) {
      try {
        body = await readFile(asset.locate());
      } catch (error) {
        // A checkout whose node_modules predates uplot: the platform runs, the console says why it cannot draw.
        throw new ServiceUnavailableException(`a file of the console is missing (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}): run npm install`);
      }
      this.cache.set(asset, body);
    }
    response
      .status(200)
      .set({
        'content-type': asset.contentType,
        'content-security-policy': CONSOLE_CSP,
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'cache-control': 'no-store',
      })
      .send(body);
  }
}
