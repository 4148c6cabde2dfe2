import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsOptional, ValidateNested } from 'class-validator';

import { NODE_LEVELS, type NodeLevel } from '../../tree/agent-node';
import { MinorUnits } from '../../tree/dto/minor-units.decorator';
import { BasisPoints } from './basis-points.decorator';

export class CommissionTierDto {
  @MinorUnits('fromAmount', { required: true, description: 'the tier applies to amounts from this one (inclusive)' })
  fromAmount!: number;

  @BasisPoints('percentBasisPoints')
  percentBasisPoints?: number;

  @MinorUnits('fixed', { description: 'a fixed part added to the percent' })
  fixed?: number;
}

export class CommissionLevelDto {
  @ApiProperty({ enum: NODE_LEVELS })
  @IsIn(NODE_LEVELS, { message: `level must be one of ${NODE_LEVELS.join(', ')}` })
  @IsDefined({ message: `level is required (one of ${NODE_LEVELS.join(', ')})` })
  level!: NodeLevel;

  @BasisPoints('percentBasisPoints')
  percentBasisPoints?: number;

  @MinorUnits('fixed', { description: 'a fixed part added to the percent' })
  fixed?: number;

  @ApiProperty({ required: false, type: [CommissionTierDto], description: 'ascending by fromAmount; the tier of the amount replaces percent and fixed' })
  @ValidateNested({ each: true })
  @Type(() => CommissionTierDto)
  @ArrayMaxSize(20, { message: 'tiers must be at most 20' })
  @IsArray({ message: 'tiers must be an array' })
  @IsOptional()
  tiers?: CommissionTierDto[];

  @MinorUnits('min', { description: 'the least commission of this level' })
  min?: number;

  @MinorUnits('max', { description: 'the most commission of this level' })
  max?: number;
}

export class CommissionPlanDto {
  @ApiProperty({ type: [CommissionLevelDto], description: 'one entry per level that earns; a level left out earns nothing' })
  @ValidateNested({ each: true })
  @Type(() => CommissionLevelDto)
  @ArrayMaxSize(NODE_LEVELS.length, { message: `levels must be at most ${NODE_LEVELS.length}, one per level` })
  @ArrayMinSize(1, { message: 'levels must hold at least one level (a level with 0 basis points earns nothing)' })
  @IsArray({ message: 'levels must be an array' })
  @IsDefined({ message: 'levels is required' })
  levels!: CommissionLevelDto[];
}
